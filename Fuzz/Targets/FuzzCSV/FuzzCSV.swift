import FuzzEntries

/// libFuzzer entry: the shared `csv` body (see FuzzEntries).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTarget.csv.run(data, size)
    return 0
}
