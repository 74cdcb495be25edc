import WFStore

/// The standing mechanisms of §9 and §10: executive committee meetings with their attendance,
/// and the township's rotating presidium with the turns its members served.
extension Run {
    /// Exec meetings over the last `shape.meetingYears`: 4–12 a year (quarterly to monthly);
    /// about one federation in ten has not met in the last six months.
    func execMeetings(of org: Int32, committee: [Int32]) {
        guard !committee.isEmpty else { return }
        let perYear = rng.int(4...12)
        let lastDay = rng.chance(0.1) ? today - 183 : today
        let turnout = rng.double(0.7...0.95)
        var dates: [Int32] = []
        dates.reserveCapacity(perYear)
        for yearBack in 0..<shape.meetingYears {
            let end = today - Int32(365 * yearBack)
            dates.removeAll(keepingCapacity: true)
            for _ in 0..<perYear {
                let d = day(between: end - 364, end)
                if d <= lastDay { dates.append(d) }
            }
            dates.sort()
            for d in dates {
                let meeting = em.meeting(org: org, date: d, kind: Codes.MeetingKind.execMeeting, topic: rng.pick(texts.meetingTopics))
                for person in committee where rng.chance(turnout) { em.attendance(meeting: meeting, person: person) }
            }
        }
    }

    /// The rotating presidium of a township or street federation (§10): the vice chairs and a few
    /// execs. Turns are monthly or quarterly from the start of the term, in a fixed order; one or
    /// two members have never served. Each turn in the meeting window has a rotating-chair meeting.
    func rotatingPresidium(of org: Int32, chair: Int32, vices: [Int32], execs: [Int32], term: Term) {
        var members = vices
        var pool = execs
        rng.shuffle(&pool)
        members.append(contentsOf: pool.prefix(rng.int(2...5)))
        for person in members { em.presidium(org: org, person: person, since: term.from) }

        var serving = members
        rng.shuffle(&serving)
        let neverServed = min(serving.count - 1, rng.int(0...2))
        if neverServed > 0 { serving.removeLast(neverServed) }
        guard !serving.isEmpty else { return }

        // Turns start on the first of the month after the election.
        let months = rng.chance(0.5) ? 1 : 3
        let election = Day(raw: term.from).civil
        let start = (year: election.year, month: election.month + 1)
        let meetingsFrom = today - Int32(365 * shape.meetingYears)
        var index = 0
        while index < 400 {
            let from = monthStart(start.year, start.month + index * months)
            if from > today || from >= term.to { break }
            let to = monthStart(start.year, start.month + (index + 1) * months) - 1
            let person = serving[index % serving.count]
            em.turn(org: org, person: person, from: from, to: min(to, term.to - 1))
            if from >= meetingsFrom {
                let meeting = em.meeting(org: org, date: day(between: from, min(from + 27, today)),
                                         kind: Codes.MeetingKind.rotatingChairMeeting, topic: rng.pick(texts.rotatingChairTopics))
                em.attendance(meeting: meeting, person: chair)
                for member in members where member == person || rng.chance(0.8) {
                    em.attendance(meeting: meeting, person: member)
                }
            }
            index += 1
        }
    }

    /// The first day of month `month` (may exceed 12) counted from January of `year`.
    private func monthStart(_ year: Int, _ month: Int) -> Int32 {
        let total = year * 12 + month - 1
        return date(total / 12, total % 12 + 1, 1)
    }

    /// The congress that elected the current committee, on the first day of the term.
    func electionCongress(of org: Int32, term: Term) {
        guard term.from <= today else { return }
        _ = em.meeting(org: org, date: term.from, kind: Codes.MeetingKind.congress, topic: em.intern("换届选举"))
    }
}
