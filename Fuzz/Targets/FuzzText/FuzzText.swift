import FuzzEntries

/// libFuzzer entry: the shared `text` body (see FuzzEntries).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTarget.text.run(data, size)
    return 0
}
