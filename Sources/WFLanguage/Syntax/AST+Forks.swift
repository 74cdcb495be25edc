/// The statements on named forks of the network (issue 5, what-if): kept, compared, applied.
///
/// They are contextual: `fork`, `forks`, `apply` and `drop` are not reserved words, so scripts
/// that use them as names keep working; only the statement shapes below are read as fork work.
enum ForkStmt {
    /// `fork NAME { … }` or `fork NAME from OTHER { … }`.
    case create(name: String, nameSpan: Span, from: (String, Span)?, body: [Stmt])
    /// `forks`: lists the forks.
    case list
    /// `in NAME { … }`: runs statements on the fork; changes made there are added to it.
    case run(name: String, nameSpan: Span, body: [Stmt])
    /// `compare EXPR in A, B, …` (`base` is the real network).
    case compare(Expr, [(String, Span)])
    /// `apply NAME`: makes the fork's changes on the real network, atomically and undoably.
    case apply(String, Span)
    /// `drop NAME`: forgets a fork.
    case drop(String, Span)
}
