#!/usr/bin/env python3
"""Load wf's CSV export into SQLite, DuckDB and Kùzu, and time the reference questions.

Used by scripts/bench/peers.sh, which also runs wf on the same data and compares. Each system
gets the same CSV files and answers the same six questions; answers are normalised (sorted
tuples, ratios rounded to 6 places) so they can be checked for agreement with wf's.

    peers.py CSV_DIR --as-of 2026-06-30 --county 17 --person 王芳 --convert 1,2,3 --out peers.json
"""
import argparse, json, os, shutil, sqlite3, statistics, sys, tempfile, time

WARM_UP_RUNS = 3  # as wfbench's `warmUpRuns`

def timed(fn, runs):
    for _ in range(WARM_UP_RUNS):
        fn()
    times = []
    for _ in range(runs):
        t = time.perf_counter(); result = fn(); times.append(time.perf_counter() - t)
    return statistics.median(times), result

def norm(rows):
    out = []
    for r in rows:
        out.append(tuple(round(x, 6) if isinstance(x, float) else x for x in r))
    return out

# The questions in SQL (SQLite and DuckDB dialects agree on these).
SQL = {
    "q0_people_scan_group": """
        SELECT birth_year, COUNT(*) AS n FROM people WHERE birth_year >= 1970 GROUP BY birth_year ORDER BY birth_year""",
    "q1_unconverted_per_township": """
        SELECT t.id, t.name, COUNT(*) AS n FROM orgs t JOIN orgs v ON v.parent = t.id
        WHERE t.level = 'township' AND v.level = 'village' AND v.form = 'congress'
        GROUP BY t.id, t.name ORDER BY n DESC, t.id LIMIT 10""",
    "q2_trained_share_per_township": """
        SELECT p.org, COUNT(*) AS execs,
               SUM(CASE WHEN EXISTS (SELECT 1 FROM trainings tr WHERE tr.person = p.person
                                     AND tr.date >= p."from" AND tr.date <= p."to") THEN 1 ELSE 0 END) AS trained
        FROM positions p JOIN orgs o ON o.id = p.org
        WHERE o.level = 'township' AND p.role = 'exec' AND p."from" <= :asof AND p."to" >= :asof
        GROUP BY p.org ORDER BY p.org""",
    "q3_holders_under_county": """
        WITH RECURSIVE sub(id) AS (SELECT id FROM orgs WHERE parent = :county UNION ALL SELECT o.id FROM orgs o JOIN sub ON o.parent = sub.id)
        SELECT COUNT(DISTINCT p.person) FROM positions p JOIN sub ON p.org = sub.id
        WHERE p."from" <= :asof AND p."to" >= :asof""",
    "q4_ledger_coverage_lowest": """
        SELECT o.id, COUNT(DISTINCT l.contact) * 1.0 / o.women AS coverage
        FROM orgs o LEFT JOIN ledgers l ON l.org = o.id AND l.date > :yearago AND l.date <= :asof
        WHERE o.level = 'village' AND o.women > 0
        GROUP BY o.id, o.women ORDER BY coverage, o.id LIMIT 20""",
    "q5_person_positions": """
        SELECT pe.id, o.name, p.role, p."from", p."to" FROM people pe JOIN positions p ON p.person = pe.id
        JOIN orgs o ON o.id = p.org WHERE pe.name = :person ORDER BY pe.id, p."from", o.id""",
    "q6_whatif_conversion": """
        WITH RECURSIVE sub(id) AS (SELECT id FROM orgs WHERE parent = :county UNION ALL SELECT o.id FROM orgs o JOIN sub ON o.parent = sub.id)
        SELECT SUM(CASE WHEN o.form = 'federation' OR o.id IN ({ids}) THEN 1 ELSE 0 END) * 1.0 / COUNT(*)
        FROM orgs o JOIN sub ON o.id = sub.id WHERE o.level = 'village'""",
}

TABLES = ["orgs", "people", "positions", "trainings", "ledgers"]

def params(args):
    y, m, d = map(int, args.as_of.split("-"))
    return {"asof": args.as_of, "yearago": f"{y - 1:04d}-{m:02d}-{d:02d}", "county": args.county, "person": args.person}

def run_sqlite(args):
    path = os.path.join(tempfile.mkdtemp(), "wf.sqlite")
    con = sqlite3.connect(path)
    t = time.perf_counter()
    import csv
    for name in TABLES:
        with open(os.path.join(args.csv, name + ".csv"), newline="", encoding="utf-8") as f:
            r = csv.reader(f); header = next(r)
            con.execute(f"CREATE TABLE {name} ({', '.join(chr(34) + h + chr(34) for h in header)})")
            ints = {i for i, h in enumerate(header) if h in ("id", "parent", "cover", "women", "person", "org", "contact", "birth_year")}
            con.executemany(f"INSERT INTO {name} VALUES ({', '.join('?' * len(header))})",
                            ([int(v) if i in ints and v != "" else (None if v == "" else v) for i, v in enumerate(row)] for row in r))
    for ddl in ["CREATE INDEX o_parent ON orgs(parent)", "CREATE INDEX o_level ON orgs(level)", "CREATE INDEX p_person ON positions(person)",
                "CREATE INDEX p_org ON positions(org)", "CREATE INDEX t_person ON trainings(person)", "CREATE INDEX l_org ON ledgers(org)",
                "CREATE INDEX pe_name ON people(name)", "CREATE UNIQUE INDEX o_id ON orgs(id)"]:
        con.execute(ddl)
    con.commit()
    load = time.perf_counter() - t
    return con, load, os.path.getsize(path)

def run_duckdb(args):
    import duckdb
    path = os.path.join(tempfile.mkdtemp(), "wf.duckdb")
    con = duckdb.connect(path)
    t = time.perf_counter()
    for name in TABLES:
        con.execute(f"CREATE TABLE {name} AS SELECT * FROM read_csv('{os.path.join(args.csv, name + '.csv')}', header=true, all_varchar=false)")
    load = time.perf_counter() - t
    con.execute("CHECKPOINT")
    return con, load, os.path.getsize(path)

def sql_questions(con, args, kind, runs):
    p = params(args)
    out = {}
    ids = args.convert
    for q, text in SQL.items():
        text = text.replace("{ids}", ids)
        if kind == "duckdb":
            text2 = text
            for k in sorted(p, key=len, reverse=True):
                v = p[k]
                text2 = text2.replace(":" + k, str(v) if isinstance(v, int) else "'" + str(v).replace("'", "''") + "'")
            if "date" in text2 or "from" in text2:
                text2 = text2.replace("'" + p["asof"] + "'", "DATE '" + p["asof"] + "'").replace("'" + p["yearago"] + "'", "DATE '" + p["yearago"] + "'")
            fn = lambda t=text2: con.execute(t).fetchall()
        else:
            fn = lambda t=text: con.execute(t, p).fetchall()
        secs, rows = timed(fn, runs)
        out[q] = {"seconds": secs, "answer": norm([tuple(str(x) if hasattr(x, "isoformat") else x for x in r) for r in rows])}
    return out

def run_kuzu(args, runs):
    import kuzu, csv
    d = tempfile.mkdtemp()
    db = kuzu.Database(os.path.join(d, "wf.kuzu"))
    con = kuzu.Connection(db)
    t = time.perf_counter()
    con.execute("CREATE NODE TABLE Org(id INT64, name STRING, level STRING, form STRING, women INT64, PRIMARY KEY(id))")
    con.execute("CREATE NODE TABLE Person(id INT64, name STRING, PRIMARY KEY(id))")
    con.execute("CREATE REL TABLE PARENT(FROM Org TO Org)")
    con.execute("CREATE REL TABLE HOLDS(FROM Person TO Org, role STRING, since DATE, until DATE)")
    # Kùzu's COPY wants files shaped like its tables: write them from the export.
    tmp = tempfile.mkdtemp()
    def rows(name):
        with open(os.path.join(args.csv, name + ".csv"), newline="", encoding="utf-8") as f:
            r = csv.DictReader(f)
            yield from r
    def write(name, header, it):
        path = os.path.join(tmp, name + ".csv")
        with open(path, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f); w.writerow(header); w.writerows(it)
        return path
    orgs = list(rows("orgs"))
    con.execute(f"COPY Org FROM '{write('org', ['id','name','level','form','women'], ([o['id'], o['name'], o['level'], o['form'], o['women'] or 0] for o in orgs))}' (HEADER=true)")
    con.execute(f"COPY Person FROM '{write('person', ['id','name'], ([p['id'], p['name']] for p in rows('people')))}' (HEADER=true)")
    con.execute(f"COPY PARENT FROM '{write('parent', ['from','to'], ([o['id'], o['parent']] for o in orgs if o['parent']))}' (HEADER=true)")
    con.execute(f"COPY HOLDS FROM '{write('holds', ['from','to','role','since','until'], ([p['person'], p['org'], p['role'], p['from'], p['to']] for p in rows('positions')))}' (HEADER=true)")
    load = time.perf_counter() - t
    size = sum(os.path.getsize(os.path.join(dp, f)) for dp, _, fs in os.walk(d) for f in fs)
    q = ("MATCH (c:Org)<-[:PARENT*1..8]-(o:Org)<-[h:HOLDS]-(p:Person) WHERE c.id = $county "
         "AND h.since <= date($asof) AND h.until >= date($asof) RETURN count(DISTINCT p.id)")
    secs, res = timed(lambda: con.execute(q, {"county": args.county, "asof": args.as_of}).get_all(), runs)
    shutil.rmtree(tmp, ignore_errors=True)
    return {"load_seconds": load, "bytes": size, "questions": {"q3_holders_under_county": {"seconds": secs, "answer": norm([tuple(r) for r in res])}}}

# A cold process that opens the stored data and answers q5 (a person by name, with her
# positions): what a user waits for when she starts the tool to look someone up.
COLD = {
    "sqlite": "import sqlite3, sys; con = sqlite3.connect(sys.argv[1]); con.execute(sys.argv[2], {'person': sys.argv[3]}).fetchall()",
    "duckdb": "import duckdb, sys; con = duckdb.connect(sys.argv[1], read_only=True); "
              "con.execute(sys.argv[2].replace(':person', '$person'), {'person': sys.argv[3]}).fetchall()",
}
WF_Q5 = ('people named "{person}" | .positions '
         '| select pid: .person.id, oid: .org.id, org: .org.name, .role, .from, .to | sort .pid, .from, .oid')

def cold_runs(argv, runs=3):
    import subprocess
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    return statistics.median(times)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("csv"); ap.add_argument("--as-of", required=True); ap.add_argument("--county", type=int, required=True)
    ap.add_argument("--person", required=True); ap.add_argument("--convert", required=True); ap.add_argument("--out", required=True)
    ap.add_argument("--runs", type=int, default=5); ap.add_argument("--systems", default="sqlite,duckdb,kuzu")
    ap.add_argument("--wf", help="the wf binary, to time its cold process beside the peers'")
    ap.add_argument("--snapshot", help="the snapshot the CSV was exported from")
    args = ap.parse_args()
    results = {}
    cold = {"python3 -c pass (process start baseline)": cold_runs([sys.executable, "-c", "pass"])}
    if args.wf and args.snapshot:
        cold["wf"] = cold_runs([args.wf, "--no-rc", "--snapshot", args.snapshot, "-c", WF_Q5.format(person=args.person)])
    for system in args.systems.split(","):
        print(f"peers: {system} …", file=sys.stderr)
        if system in ("sqlite", "duckdb"):
            con, load, size = run_sqlite(args) if system == "sqlite" else run_duckdb(args)
            results[system] = {"load_seconds": load, "bytes": size, "questions": sql_questions(con, args, system, args.runs)}
            path = con.execute("PRAGMA database_list").fetchall()[0][2] if system == "sqlite" else \
                con.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchall()[0][0]
            con.close()
            cold[system] = cold_runs([sys.executable, "-c", COLD[system], path, SQL["q5_person_positions"], args.person])
        elif system == "kuzu":
            results[system] = run_kuzu(args, args.runs)
    results["$cold_q5_seconds"] = cold
    with open(args.out, "w") as f:
        json.dump(results, f, ensure_ascii=False, indent=1)

if __name__ == "__main__":
    main()
