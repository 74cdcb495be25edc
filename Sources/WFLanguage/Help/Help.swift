import WFStore
import WFRender

/// `:help` and `:help TOPIC`: a page for every statement, pipeline stage, operator, kind and
/// built-in function. Kinds and functions are drawn from the schema and the built-in table, so
/// the help cannot fall behind them.
public enum Help {
    /// The page for `topic` (nil: the overview), or a "no such topic" line with near names.
    public static func text(_ topic: String?) -> String {
        guard let raw = topic?.trimmingCharacters(), !raw.isEmpty else { return overview }
        let topic = raw.lowercased()
        if let page = pages[topic] { return page }
        if let kind = Kind(name: topic) { return schema(kind) }
        if let b = Builtins.table[topic] { return "\(topic) — built-in function\n\n  \(b.doc)\n" }
        if topic == "functions" { return functions }
        if topic == "kinds" || topic == "schema" { return schema(nil) }
        let near = Suggest.nearest(topic, allTopics)
        return "no help on '\(raw)'" + (near.isEmpty ? "" : "; did you mean " + near.map { "'\($0)'" }.joined(separator: " or ") + "?")
            + " (:help lists the topics)\n"
    }

    /// Every topic name, for completion after `:help`.
    public static var allTopics: [String] {
        Array(pages.keys) + Kind.allCases.flatMap { [$0.name, $0.plural] } + Array(Builtins.table.keys) + ["functions", "kinds"]
    }

    /// `:schema` (every kind, one line each) or `:schema KIND` (its fields, types and edges).
    public static func schema(_ kind: Kind?) -> String {
        guard let kind else {
            var out = "kinds (each is a set: orgs, people, …; :schema KIND shows its fields):\n\n"
            let width = Kind.allCases.map(\.plural.count).max() ?? 0
            for k in Kind.allCases {
                out += "  " + k.plural + String(repeating: " ", count: width - k.plural.count) + "  \(k.chinese)  \(k.doc)\n"
            }
            return out
        }
        var out = "\(kind.name) (\(kind.chinese)) — the set of all is `\(kind.plural)`\n\(kind.doc)\n\nfields:\n"
        let width = kind.fields.map(\.name.count).max() ?? 0
        for f in kind.fields {
            out += "  ." + f.name + String(repeating: " ", count: width - f.name.count) + "  " + f.type.displayName + " — " + f.doc + "\n"
            if case .enumeration(let e) = f.type { out += "      values: " + e.labels.joined(separator: ", ") + "\n" }
            if case .tags(let e) = f.type { out += "      tags: " + e.labels.joined(separator: ", ") + "\n" }
        }
        let edges = Store.reverseEdges(into: kind)
        if !edges.isEmpty {
            out += "\nedges into it (navigate with .NAME):\n"
            for e in edges { out += "  .\(e.name)  → \(e.field.kind.plural) whose .\(e.field.field.name) is this \(kind.name)\n" }
        }
        let derived = Navigation.names(kind).filter { n in !kind.fields.contains { $0.name == n } && !edges.contains { $0.name == n } }
        if !derived.isEmpty { out += "\nderived: " + derived.map { "." + $0 }.joined(separator: ", ") + "\n" }
        return out
    }

    static var functions: String {
        var out = "built-in functions (:help NAME for one):\n\n"
        for name in Builtins.table.keys.sorted() { out += "  \(Builtins.table[name]?.doc ?? name)\n" }
        return out
    }

    static let overview = """
    wf — query and change the grassroots network. A line is a statement; a bare expression prints.

      orgs | where .level == village and .form == congress | count
      org "城关镇妇联" | children | select .name, .women
      people | where .birth_year > 1985 | sort .name | take 10

    topics (:help TOPIC):
      queries      sets, look-up by name, navigation, pipelines
      stages       where select sort take skip distinct group count first last any all map reverse
      values       numbers, strings, dates and durations, lists, records
      operators    + - * / % == != < <= > >= and or not, ranges of dates
      statements   let fn if for while return print show use param
      mutations    create set delete link unlink appoint end convert record
      atomic       all-or-nothing blocks        whatif   forks and comparisons
      fork         named forks: fork forks in compare apply drop
      undo         undo the last change         save     write a snapshot
      export       write results to files       formats  table, csv, json, md
      personal     masking of phone and ID numbers
      kinds        the kinds of record (:schema) functions  the built-in functions
      repl         keys and :commands of the interactive session
    """

    static let pages: [String: String] = [
        "queries": """
        Every kind is a set: orgs, people, positions, homes, trainings, contacts, assignments, ledgers,
        meetings, attendances, presidia, turns, evaluations, commendations.

          org "城关镇妇联"          one organisation by name ("did you mean" on a miss)
          person "王芳"             one person; several with that name is an error listing them
          orgs named "王芳"         every row with that name, as a set
          org #12                   by id
          .parent .children .positions .homes .trainings .ledger …   navigate (:schema KIND lists them)
          descendants, ancestors    the whole subtree or chain above

        Pipe a set through stages with | (:help stages).
        """,
        "stages": """
        Pipeline stages (the current item is implicit: .field means its field; `it` names it):

          where COND                 keep items where COND holds
          select .a, .b, name: EXPR  a table of columns (computed columns take a name)
          sort .a desc, .b           several keys, asc (default) or desc
          take N / skip N            the first N / all but the first N
          distinct                   drop repeats
          group by KEY { n: count(), total: sum(.women), share: ratio(.form == federation) }
          count / first / last       one value
          any COND / all COND        true or false
          map EXPR                   a list of EXPR per item
          reverse                    the order reversed
          sum(.x) avg(.x) min(.x) max(.x) ratio(COND)   aggregates over the items
        """,
        "where": "where COND — keep the items for which COND is true.\n\n  orgs | where .level == village and .women > 1000\n",
        "select": "select COLUMNS — a table; each column is .field or name: EXPR.\n\n  orgs | select .name, .women, share: .women / 1000\n",
        "sort": "sort KEY [desc], … — order by one or more keys.\n\n  people | sort .birth_year desc, .name\n",
        "group": "group by KEY { NAME: AGGREGATE, … } — one row per key with aggregates over its items.\n\n  orgs | where .level == village | group by .parent { n: count(), conv: ratio(.form == federation) }\n",
        "values": """
        null, true/false, 42, 3.14, "文字" (strings are Unicode), dates 2026-12-31,
        durations 5y 6mo 30d (date + duration, date - date), lists [1, 2], records {name: "x", n: 1},
        nodes (one record of a kind) and node sets.
        """,
        "operators": """
          + - * / %          arithmetic (date + duration, date - date gives days)
          == != < <= > >=     comparison (enum fields compare with bare labels: .form == congress)
          and or not          logic
          |                   pipe a value into a stage
        """,
        "statements": """
          let x = EXPR                 a variable (x = EXPR assigns again)
          fn name(a, b) { … return … } a function; fn(x) => x + 1 is an anonymous one
          if COND { … } else { … }
          for x in EXPR { … }          over a list or a set
          while COND { … }             Ctrl-C stops a loop that runs too long
          print EXPR / show EXPR       print a value / print it as a table
          use coverage                 load stdlib/coverage.wf; use "./lib.wf" loads a file
          param org: string = "平安县妇联" "the area"    a script parameter (wf script.wf --org …)
        """,
        "mutations": """
        Every change is checked against the opinion's rules, with a clear error when one is broken.

          create org {name: "新村妇联", level: village, parent: org "城关镇妇联"}
          set org "东风村妇联".women = 900       set NODE {field: value, …} sets several
          delete NODE
          link NODE.field to OTHER / unlink NODE.field
          appoint person "王芳" as exec of org "东风村妇联" from 2026-07-01 to 2031-06-30
          end POSITION on 2026-12-31
          convert org "西河村妇代会" on 2026-07-01     congress → federation (§1)
          record training {person: person "王芳", date: 2026-05-10, topic: "履职培训"}
              (also ledger, commendation, evaluation, turn)
        """,
        "atomic": "atomic { … } — all the changes inside, or none: any error rolls the whole block back.\n",
        "whatif": """
        whatif { CHANGES } compare EXPR — runs the changes on a fork of the network, evaluates EXPR
        before and after, and prints before / after / delta. The real network is untouched.

          whatif { convert org "西河村妇代会" on 2026-07-01 } compare orgs | where .level == village | ratio .form == federation
        """,
        "fork": """
        fork NAME { CHANGES } — makes a named fork: a copy of the network (instant, whatever its size)
        with the changes made on it. The real network is untouched. fork NAME from OTHER { … } builds
        on another fork. If a change fails, the fork is not made.

          fork plan_a { convert org "西河村妇代会" on 2026-07-01 }
          fork plan_b from plan_a { convert org "河口村妇代会" on 2026-07-01 }

        See also: forks, in, compare, apply, drop.
        """,
        "forks": "forks — lists the forks: name, number of changes (with those of the forks it builds on), and base.\n",
        "in": """
        in NAME { … } — runs statements on fork NAME: bare expressions print their value as the fork
        sees it, and changes are added to the fork. (Also the operator x in LIST.)

          in plan_a { orgs | where .form == congress | count }
        """,
        "compare": """
        compare EXPR in A, B, … — evaluates EXPR on each network named (base is the real one) and
        prints before / after / delta of A against each of the others, changed rows first. One name
        alone is compared against base.

          compare orgs | where .form == congress | count in plan_a
          compare {congress: orgs | where .form == congress | count} in base, plan_a, plan_b
        """,
        "apply": """
        apply NAME — makes fork NAME's changes on the real network, all or none. If the real network
        changed since the fork was made, the changes are made again and checked against the rules.
        undo (or :undo) takes the whole apply back. The fork is kept until dropped.
        """,
        "drop": "drop NAME — forgets fork NAME. The real network is not affected.\n",
        "undo": "undo — undoes the last statement that changed the network (repeatable). In the REPL, :undo.\n",
        "save": "save \"file.wfs\" — writes the network to a snapshot, atomically. Nothing is written unless asked.\n",
        "export": "export EXPR to \"file.csv\" — writes a result; the format follows the extension: csv, json, jsonl, md, html.\n",
        "formats": "Output formats: table (aligned, CJK-aware), csv (RFC 4180), json, md. Set with --format or :format.\n",
        "personal": "Phone and ID numbers are masked (138****5678) in every output, export and error message unless revealed: --reveal-personal on the command line.\n",
        "repl": """
          Tab completes keywords, functions, variables, .fields and "names"; Ctrl-R searches history;
          Ctrl-C cancels a running statement (or clears the line); Ctrl-D leaves.
          :help [TOPIC]  :schema [KIND]  :load FILE  :save [FILE]  :time [STATEMENT]  :format FMT
          :undo  :reset  :quit
        """,
    ]
}

private extension String {
    func trimmingCharacters() -> String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return String(s)
    }
}
