/// The table of every built-in function, by name, gathered from the families.
enum Builtins {
    static let byName: [String: BuiltinFunction] = {
        var table: [String: BuiltinFunction] = [:]
        let families = [
            StringBuiltins.functions, MathBuiltins.functions, TimeBuiltins.functions,
            ListBuiltins.functions, ConversionBuiltins.functions,
        ]
        for function in families.joined() { table[function.name] = function }
        return table
    }()

    /// The macros: recognised by the checker, never called as functions.
    static let macroNames: Set<String> = ["has", "all", "exists", "exists_one", "map", "filter", "count", "sum"]

    /// Every name a call may use, for did-you-mean suggestions.
    static var allNames: [String] { Array(byName.keys) + macroNames }
}
