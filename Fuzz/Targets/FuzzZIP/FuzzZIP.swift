import FuzzEntries

/// libFuzzer entry: the shared `zip` body (see FuzzEntries).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTarget.zip.run(data, size)
    return 0
}
