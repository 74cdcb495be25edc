#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import WFRender

/// What each `:command` does. Errors are reported, never thrown: a REPL goes on.
extension ReplLoop {
    func perform(_ command: ReplCommand, argument: String) -> Outcome {
        let argumentOrNil = argument.isEmpty ? nil : argument
        switch command {
        case .help:
            if let topic = argumentOrNil, topic.hasPrefix(":") {
                let name = String(topic.dropFirst())
                guard let asked = ReplCommand(named: name) else { return reportUnknown(name) }
                let usage = asked.synopsis.isEmpty ? asked.spelled : asked.spelled + " " + asked.synopsis
                output.write(usage + "\n  " + asked.summary + "\n")
            } else if let topic = argumentOrNil {
                output.write(terminated(engine.help(topic)))
            } else {
                output.write(ReplCommand.overview + "\n" + terminated(engine.help(nil)))
            }
        case .schema:
            output.write(terminated(engine.schema(argumentOrNil)))
        case .load:
            guard let path = argumentOrNil else { return fail("usage: :load FILE") }
            do {
                try engine.load(expandHome(path))
            } catch {
                fail("cannot load \(path): \(error)")
            }
        case .save:
            do {
                try engine.save(argumentOrNil.map(expandHome))
            } catch {
                fail("cannot save: \(error)")
            }
        case .time:
            switch argument {
            case "": isTiming.toggle()
            case "on": isTiming = true
            case "off": isTiming = false
            default: return run(argument, timed: true)
            }
            output.write("timing \(isTiming ? "on" : "off")\n")
        case .format:
            guard let name = argumentOrNil else { return fail("usage: :format " + ReplCommand.format.synopsis) }
            guard OutputFormatNames.all.contains(name) else {
                let hint = Suggest.nearest(name, OutputFormatNames.all, limit: 1).first.map { "; did you mean '\($0)'?" } ?? ""
                return fail("unknown format '\(name)'\(hint) (" + OutputFormatNames.all.joined(separator: ", ") + ")")
            }
            do {
                try engine.setFormat(name)
                output.write("format \(name)\n")
            } catch {
                fail("\(error)")
            }
        case .undo:
            output.write(engine.undo() ? "undone\n" : "nothing to undo\n")
        case .reset:
            if engine.hasUnsavedChanges {
                engine.reset()
                output.write("unsaved changes discarded\n")
            } else {
                output.write("no unsaved changes\n")
            }
        case .quit:
            break // handled by `handle`, which may refuse to leave
        }
        return .goOn
    }
}
