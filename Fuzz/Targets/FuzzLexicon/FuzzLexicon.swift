import FuzzEntries

/// libFuzzer entry: the shared `lexicon` body (see FuzzEntries).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTarget.lexicon.run(data, size)
    return 0
}
