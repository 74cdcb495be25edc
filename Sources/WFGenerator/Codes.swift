import WFStore

/// The vocabulary codes the generator writes, resolved once from `Vocab` by label so that the
/// generator never hard-codes a position in a label list. A unit test checks every one resolved
/// (`Codes.unresolved` is empty); an unknown label would otherwise silently become code 0.
enum Codes {
    /// Labels asked for that were not found: must stay empty.
    nonisolated(unsafe) static var unresolved: [String] = []

    static func code(_ type: EnumType, _ label: String) -> Int32 {
        if let i = type.labels.firstIndex(of: label) { return Int32(i) }
        unresolved.append("\(type.name).\(label)")
        return 0
    }

    /// Forces every table below to resolve (for the test).
    static func resolveAll() -> [String] {
        _ = [Level.nation, Unit.nation, Field.regional, Form.federation, Role.chair, Tag.groupLeader,
             HomeType.offline, Host.partySite, DemoLevel.none, Category.general, Channel.visit,
             Result.resolved, MeetingKind.execMeeting, Rating.excellent, Honour.county]
        return unresolved
    }

    enum Level {
        static let nation = code(Vocab.level, "nation"), province = code(Vocab.level, "province")
        static let city = code(Vocab.level, "city"), county = code(Vocab.level, "county")
        static let township = code(Vocab.level, "township"), village = code(Vocab.level, "village")
        static let group = code(Vocab.level, "group")
    }

    enum Unit {
        static let nation = code(Vocab.unit, "nation"), province = code(Vocab.unit, "province")
        static let region = code(Vocab.unit, "region"), city = code(Vocab.unit, "city")
        static let county = code(Vocab.unit, "county"), district = code(Vocab.unit, "district")
        static let countyCity = code(Vocab.unit, "county_city")
        static let town = code(Vocab.unit, "town"), township = code(Vocab.unit, "township")
        static let street = code(Vocab.unit, "street")
        static let village = code(Vocab.unit, "village"), community = code(Vocab.unit, "community")
        static let naturalVillage = code(Vocab.unit, "natural_village")
        static let villagerGroup = code(Vocab.unit, "villager_group")
        static let grid = code(Vocab.unit, "grid"), building = code(Vocab.unit, "building")
        static let agency = code(Vocab.unit, "agency"), enterprise = code(Vocab.unit, "enterprise")
        static let institution = code(Vocab.unit, "institution"), socialOrg = code(Vocab.unit, "social_org")
        static let fellowship = code(Vocab.unit, "fellowship"), cooperative = code(Vocab.unit, "cooperative")
        static let association = code(Vocab.unit, "association")
        static let interestGroup = code(Vocab.unit, "interest_group")
        static let park = code(Vocab.unit, "park"), commercialBuilding = code(Vocab.unit, "commercial_building")
        static let market = code(Vocab.unit, "market"), twoNew = code(Vocab.unit, "two_new")
        static let danceTeam = code(Vocab.unit, "dance_team"), migrantWomen = code(Vocab.unit, "migrant_women")
        static let makers = code(Vocab.unit, "makers"), freelancers = code(Vocab.unit, "freelancers")
        static let online = code(Vocab.unit, "online")
    }

    enum Field {
        static let regional = code(Vocab.field, "regional"), horizontal = code(Vocab.field, "horizontal")
        static let newField = code(Vocab.field, "new_field"), online = code(Vocab.field, "online")
    }

    enum Form {
        static let federation = code(Vocab.form, "federation"), congress = code(Vocab.form, "congress")
        static let group = code(Vocab.form, "group"), workGroup = code(Vocab.form, "work_group")
    }

    enum Role {
        static let chair = code(Vocab.role, "chair"), viceChair = code(Vocab.role, "vice_chair")
        static let exec = code(Vocab.role, "exec"), groupLeader = code(Vocab.role, "group_leader")
        static let director = code(Vocab.role, "director")
    }

    /// Person tags as bit masks over `Vocab.personTag`.
    enum Tag {
        static func bit(_ label: String) -> Int32 { 1 << code(Vocab.personTag, label) }
        static let groupLeader = bit("group_leader"), gridWorker = bit("grid_worker")
        static let buildingHead = bit("building_head"), prosperityLeader = bit("prosperity_leader")
        static let interestLeader = bit("interest_leader"), danceLeader = bit("dance_leader")
        static let entrepreneur = bit("entrepreneur"), agencyHead = bit("agency_head")
        static let socialOrgHead = bit("social_org_head"), skilled = bit("skilled")
        static let migrant = bit("migrant"), partyMember = bit("party_member"), cadre = bit("cadre")
    }

    enum HomeType {
        static let offline = code(Vocab.homeType, "offline"), online = code(Vocab.homeType, "online")
        static let micro = code(Vocab.homeType, "micro")
    }

    enum Host {
        static let partySite = code(Vocab.host, "party_site"), serviceCenter = code(Vocab.host, "service_center")
        static let cultureStation = code(Vocab.host, "culture_station"), ownSite = code(Vocab.host, "own_site")
        static let enterpriseSite = code(Vocab.host, "enterprise_site")
        static let communityRoom = code(Vocab.host, "community_room")
        static let wechat = code(Vocab.host, "wechat"), qq = code(Vocab.host, "qq")
        static let voiceApp = code(Vocab.host, "voice_app"), fulianTong = code(Vocab.host, "fulian_tong")
    }

    enum DemoLevel {
        static let none = code(Vocab.demoLevel, "none"), county = code(Vocab.demoLevel, "county")
        static let city = code(Vocab.demoLevel, "city"), province = code(Vocab.demoLevel, "province")
        static let national = code(Vocab.demoLevel, "national")
    }

    /// Reasons a woman is followed (§11); `Texts.measures` is indexed by these codes.
    enum Category {
        static let general = code(Vocab.category, "general"), leftBehind = code(Vocab.category, "left_behind")
        static let emptyNest = code(Vocab.category, "empty_nest"), hardship = code(Vocab.category, "hardship")
        static let entrepreneur = code(Vocab.category, "entrepreneur")
        static let marriageDispute = code(Vocab.category, "marriage_dispute")
        static let migrant = code(Vocab.category, "migrant"), disabled = code(Vocab.category, "disabled")
        static let count = Vocab.category.labels.count
    }

    enum Channel {
        static let visit = code(Vocab.channel, "visit"), phone = code(Vocab.channel, "phone")
        static let wechat = code(Vocab.channel, "wechat"), meeting = code(Vocab.channel, "meeting")
    }

    enum Result {
        static let resolved = code(Vocab.result, "resolved"), inProgress = code(Vocab.result, "in_progress")
        static let referred = code(Vocab.result, "referred"), unresolved = code(Vocab.result, "unresolved")
    }

    enum MeetingKind {
        static let execMeeting = code(Vocab.meetingKind, "exec_meeting")
        static let rotatingChairMeeting = code(Vocab.meetingKind, "rotating_chair_meeting")
        static let congress = code(Vocab.meetingKind, "congress")
    }

    enum Rating {
        static let excellent = code(Vocab.rating, "excellent"), competent = code(Vocab.rating, "competent")
        static let basic = code(Vocab.rating, "basic"), incompetent = code(Vocab.rating, "incompetent")
    }

    enum Honour {
        static let county = code(Vocab.honourLevel, "county"), city = code(Vocab.honourLevel, "city")
        static let province = code(Vocab.honourLevel, "province"), national = code(Vocab.honourLevel, "national")
    }
}
