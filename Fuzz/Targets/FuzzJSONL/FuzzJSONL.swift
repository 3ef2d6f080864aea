import FuzzEntries

/// libFuzzer entry: the shared `jsonl` body (see FuzzEntries).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTarget.jsonl.run(data, size)
    return 0
}
