import FuzzEntries

/// libFuzzer entry: the shared `json` body (see FuzzEntries).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTarget.json.run(data, size)
    return 0
}
