import BatonFuzzing
import CLibFuzzer

/// One input for the `batch` target (see `FuzzTarget`).
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTarget.batch.runLibFuzzerInput(data, size)
}

baton_fuzz_run(CommandLine.argc, CommandLine.unsafeArgv) { fuzzOneInput($0, $1) }
