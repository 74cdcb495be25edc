import WFStore

/// `rows = append(rows, x)` and `rows = rows + more`, the way scripts build a table row by row,
/// added to the variable's list in place. Evaluated as written, each made a new list of every
/// row so far (and `append` checked how deeply every row nests), so a loop of n rows cost n²:
/// the election-sizing job at province scale, 20,000 federations, took 10 s, almost all of it
/// copying rows. The list in the variable is the only reference to its storage once the slot
/// lets go of it, so the addition costs what it adds.
///
/// Only when the answer cannot differ: the added expression cannot write (it cannot change the
/// variable between the read and the write), `append` is the built-in one, and the variable
/// holds a list (and, for `+`, so does the other side); anything else is evaluated as written.
/// Checks come before the change, so a failing addition leaves the list as it was.
extension Compiler {
    func appendInPlace(_ name: String, _ e: Expr, _ v: Resolved) -> Exec? {
        let added: Expr, whole: Bool, span: Span
        switch e.kind {
        case .call(let callee, let args) where args.count == 2:
            guard case .name("append") = callee.kind, lookup("append") == nil, case .name(name) = args[0].kind else { return nil }
            (added, whole, span) = (args[1], false, e.span)
        case .binary(.add, let l, let r):
            guard case .name(name) = l.kind else { return nil }
            (added, whole, span) = (r, true, e.span)
        default:
            return nil
        }
        guard cannotWrite(added), let builtin = Builtins.table["append"] else { return nil }
        let addedEval = compile(added).eval
        let hops = v.hops, slot = v.slot
        return { rt in
            let value = try addedEval(rt)
            let frame = hops == 0 ? rt.frame : rt.frame(hops)
            // The list's length, read without keeping a reference to it: a second reference
            // alive during the addition would make it copy the storage after all.
            guard let count = frame.slots[slot].listCount else {
                let current = frame.slots[slot]
                frame.slots[slot] = whole ? try Compiler.add(current, value, span) : try builtin.run(rt, [current, value], span)
                return .normal
            }
            if whole {
                guard case .list(let more) = value, count + more.count <= Limits.maxListLength else {
                    // Not a list, or too long: the general path's answer or error, from the same values.
                    frame.slots[slot] = try Compiler.add(frame.slots[slot], value, span)
                    return .normal
                }
                frame.slots[slot].appendInPlace(contentsOf: more)
            } else {
                // The list nests within the limit already (every list is checked as it is made).
                _ = try Value.list([value]).checkedNesting(span)
                frame.slots[slot].appendInPlace(contentsOf: [value])
            }
            return .normal
        }
    }

    /// `a + b` as the `+` operator gives it, errors included.
    static func add(_ a: Value, _ b: Value, _ span: Span) throws -> Value {
        do { return try Arithmetic.apply(.add, a, b) } catch let e as ArithmeticError {
            throw WFError.runtime(e.message, span)
        }
    }
}
