import WFStore

/// `KIND | where COND | group by .field { … }` in one pass: the group applies the `where`'s
/// column condition block by block as it counts (`ColumnGroup.run`), so the rows that pass are
/// never gathered into an array of their own.
///
/// The two stages are compiled separately (the pipeline compiles one stage at a time), so they
/// meet at run time: the group names the `where` right before it by its `StageSite` and asks it
/// (`Runtime.deferFilterAt`) for its rows unfiltered; the `where`, when its whole condition has
/// a column form, answers with its input and leaves the condition in `Runtime.deferredFilter`.
/// Any other `where` (part of the condition needs the general path, or the input is a list)
/// filters as usual and the group sees no condition, so both sides stay correct on their own.

/// Where a stage ends in the source: names the `where` a `group by` follows.
struct StageSite: Equatable {
    let file: Int32
    let end: Int32
}

extension Compiler {
    /// The site of the stage right before the stage at `span` in the same pipeline: the source
    /// between them must be blanks and exactly one `|`. A stage is parsed up to its last token,
    /// and a pipeline nested inside a stage is closed by a bracket, so text ending just before
    /// `| group` is the previous stage of the same pipeline. Anything else (a comment in
    /// between) gives nil, which only costs the fusion.
    /// - Complexity: O(blanks between the stages).
    func previousStageSite(_ span: Span) -> StageSite? {
        let sources = session.sources
        guard span.file >= 0, Int(span.file) < sources.count else { return nil }
        let bytes = sources[Int(span.file)].bytes
        func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        var i = Int(span.start) - 1
        guard i < bytes.count else { return nil }
        while i >= 0, isBlank(bytes[i]) { i -= 1 }
        guard i >= 0, bytes[i] == UInt8(ascii: "|") else { return nil }
        i -= 1
        while i >= 0, isBlank(bytes[i]) { i -= 1 }
        guard i >= 0 else { return nil }
        return StageSite(file: span.file, end: Int32(i + 1))
    }

    /// Evaluates a stage's input, asking the `where` at `site` (if any) to leave its column
    /// condition to the caller. Returns the input and that condition, when the `where` left it.
    /// - Complexity: the input's.
    static func evaluate(_ input: Eval, deferringFilterAt site: StageSite?, _ rt: Runtime) throws -> (Value, RowPredicate?) {
        guard let site else { return (try input(rt), nil) }
        rt.deferFilterAt = site
        defer {
            rt.deferFilterAt = nil
            rt.deferredFilter = nil
        }
        let value = try input(rt)
        guard let left = rt.deferredFilter, left.site == site else { return (value, nil) }
        return (value, left.predicate)
    }

    /// For the `where` stage at `site`: whether the stage after it asked for the rows unfiltered.
    /// Clears the request, so that nothing the `where` evaluates sees it.
    @inline(__always) static func takeDeferRequest(_ rt: Runtime, _ site: StageSite) -> Bool {
        guard let asked = rt.deferFilterAt else { return false }
        rt.deferFilterAt = nil
        return asked == site
    }
}
