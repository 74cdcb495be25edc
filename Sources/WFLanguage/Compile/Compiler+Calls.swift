import WFStore

extension Compiler {
    func compileCall(_ callee: Expr, _ args: [Expr], _ span: Span) -> Compiled {
        if case .name(let n) = callee.kind {
            if let v = lookup(n) {
                if let arity = v.arity, arity != args.count {
                    return error(.resolve("\(n) takes \(arity) argument\(arity == 1 ? "" : "s"), got \(args.count)", span))
                }
                return compileUserCall(v, args.map { compile($0) }, name: n, nameSpan: callee.span, span: span)
            }
            if aggregateDepth > 0, Aggregate.names.contains(n), args.count <= 1 {
                return compileGroupAggregate(n, args.first, span)
            }
            if n == "ratio" {
                return error(.resolve("ratio(COND) ranges over a group: use it inside group by … { … } or as a stage (| ratio .x == y)", span))
            }
            if let b = Builtins.table[n] {
                guard b.arity.contains(args.count) else {
                    let want = b.arity.lowerBound == b.arity.upperBound ? "\(b.arity.lowerBound)" : "\(b.arity.lowerBound) to \(b.arity.upperBound)"
                    return error(.resolve("\(n) takes \(want) argument\(want == "1" ? "" : "s"), got \(args.count)", span, hint: b.doc))
                }
                let a = args.map { compile($0).eval }
                return Compiled { rt in try b.run(rt, try a.map { try $0(rt) }, span) }
            }
            let candidates = visibleNames + Array(Builtins.table.keys)
            return error(.resolve("unknown function '\(n)'", callee.span, hint: WFError.didYouMean(n, candidates)))
        }
        let f = compile(callee).eval
        let fill = Runtime.filler(args.map { compile($0).eval }), count = args.count
        return Compiled { rt in
            guard case .function(let fn) = try f(rt) else { throw WFError.runtime("this is not a function", callee.span) }
            return try rt.invoke(fn, arguments: count, filling: fill, specialized: nil, span)
        }
    }

    /// `sum(.women)` inside `group by … { … }`: the argument is evaluated once per item of the group.
    func compileGroupAggregate(_ name: String, _ arg: Expr?, _ span: Span) -> Compiled {
        let itemType = itTypes.count >= 2 ? itTypes[itTypes.count - 2] : .any
        guard let arg else {
            if name == "count" { return Compiled(.scalar) { rt in .int(Int64(rt.group.count)) } }
            return error(.resolve("\(name)() needs a value per item, e.g. \(name)(.women)", span))
        }
        let e = withStage(itemType) { compile(arg).eval }
        return Compiled(.scalar) { rt in
            let items = rt.group
            var values: [Value] = []
            values.reserveCapacity(items.count)
            let saved = rt.it
            defer { rt.it = saved }
            for item in items {
                rt.it = item
                values.append(try e(rt))
            }
            if name == "count" { return .int(Int64(values.reduce(0) { $0 + ($1.truthy ? 1 : 0) })) }
            return try Aggregate.apply(name, values, span)
        }
    }
}
