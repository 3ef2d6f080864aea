import FuzzEntries

/// libFuzzer entry: the shared `manifest` body (see FuzzEntries).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTarget.manifest.run(data, size)
    return 0
}
