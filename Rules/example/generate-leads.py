#!/usr/bin/env python3
"""Writes realistic leads for the example ruleset (00-ruleset.yaml's schema).

Deterministic: the same --seed and --count give the same bytes on any
machine (Python's random.Random with an integer seed is stable across 3.x
versions for the calls made here). Standard library only.

    python3 Rules/example/generate-leads.py --count 10000 > /tmp/leads.ndjson
    python3 Rules/example/generate-leads.py --count 1000 --format csv --output /tmp/export.csv

NDJSON has every schema field, events included, with realistic gaps
(missing employees, revenue, industry). CSV is what a CRM export looks like:
its own header names, no events; read it with

    baton batch --input-format csv --columns "Lead ID=id,Email=email,First Name=first_name,..."

(the full map is printed by --print-columns).
"""

import argparse
import datetime
import json
import random
import sys

NOW = datetime.datetime(2026, 11, 25, 12, 0, 0, tzinfo=datetime.timezone.utc)

COUNTRIES = [  # (code, weight, top-level domain)
    ("US", 30, "com"), ("CA", 5, "ca"), ("MX", 2, "mx"), ("BR", 3, "com.br"), ("AR", 1, "com.ar"),
    ("GB", 8, "co.uk"), ("IE", 1, "ie"), ("DE", 8, "de"), ("FR", 5, "fr"), ("NL", 3, "nl"),
    ("ES", 2, "es"), ("SE", 2, "se"), ("NO", 1, "no"), ("JP", 5, "jp"), ("SG", 2, "sg"),
    ("AU", 3, "com.au"), ("IN", 4, "in"), ("ZA", 1, "co.za"), ("CH", 1, "ch"), ("IT", 2, "it"),
]
INDUSTRIES = [
    ("Software", 20), ("Fintech", 10), ("Healthcare", 9), ("Ecommerce", 8), ("Manufacturing", 10),
    ("Retail", 8), ("Education", 5), ("Logistics", 6), ("Media", 5), ("Energy", 4), ("Government", 3),
    ("Insurance", 5),
]
TITLES = [
    ("CEO", 3), ("CTO", 3), ("CIO", 2), ("Founder", 2), ("VP of Sales", 3), ("VP Engineering", 3),
    ("Head of Data", 4), ("Head of Analytics", 3), ("Director of Operations", 4), ("Director, BI", 3),
    ("Data Analyst", 12), ("Data Engineer", 10), ("Software Engineer", 10), ("Product Manager", 8),
    ("Marketing Manager", 6), ("Operations Manager", 6), ("Consultant", 5), ("Student", 2), ("Intern", 2),
]
FIRST_NAMES = [
    "Ana", "Ben", "Carla", "Dev", "Emma", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kenji", "Lena",
    "Marco", "Nadia", "Omar", "Priya", "Quentin", "Rosa", "Sven", "Tara", "Uma", "Victor", "Wei",
    "Ximena", "Yusuf", "Zoe", "Dana", "Lukas", "Ravi", "Sofia", "Mateo", "Aisha", "Noah", "Mia",
]
LAST_NAMES = [
    "Souza", "Okafor", "Ruiz", "Patel", "Lindqvist", "Haddad", "Tan", "Nakamura", "Becker", "Menon",
    "Sato", "Dubois", "Rossi", "Kowalski", "Nguyen", "Smith", "Garcia", "Müller", "Jensen", "Silva",
    "Kim", "Ahmed", "Olsen", "Moreau", "Fischer", "Costa", "Hughes", "Ivanova", "Brennan", "Yamada",
]
COMPANY_PARTS = [
    "Nord", "Sakura", "Blue", "Iron", "Bright", "Tiny", "Global", "Pacific", "Alpine", "Cedar",
    "Quantum", "Vertex", "Harbor", "Summit", "Orbit", "Atlas", "Nimbus", "Falcon", "Maple", "Delta",
]
COMPANY_SUFFIXES = [
    "Ledger", "Robotics", "Health", "Logistics", "Retail", "Labs", "Systems", "Energy", "Media",
    "Works", "Analytics", "Foods", "Bank", "Motors", "Cloud", "Pay",
]
COMPANY_FORMS = ["", "", " Inc", " Ltd", " GmbH", " AG", " SA", " Co"]
NAMED_ACCOUNTS = [  # domains of Rules/example/accounts.csv
    ("globex.com", "Globex Corporation"), ("initech.com", "Initech"), ("vandelay.com", "Vandelay Industries"),
    ("umbrella-health.com", "Umbrella Health"), ("nordlicht.se", "Nordlicht Energi"),
]
FREE_DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "proton.me", "gmx.de"]
COMPETITOR_DOMAINS = ["brightmetrics.io", "datacove.com", "insightloop.com"]
SOURCES = [("web", 40), ("webinar", 12), ("referral", 8), ("event", 10), ("partner", 6), ("paid_search", 14), ("content", 10)]
STAGES = [("subscriber", 15), ("lead", 65), ("opportunity", 10), ("customer", 8), ("evangelist", 2)]
PAGES = [
    ("https://lumen.example/pricing", 14), ("https://lumen.example/product/dashboards", 12),
    ("https://lumen.example/docs/connectors", 8), ("https://lumen.example/docs/security", 5),
    ("https://lumen.example/blog/metrics-that-matter", 14), ("https://lumen.example/customers", 6),
    ("https://lumen.example/careers/data-engineer", 3), ("https://lumen.example/", 20),
]
FORMS = [("demo", 20), ("whitepaper", 30), ("ebook", 25), ("contact", 15), ("newsletter", 10)]
EVENT_TYPES = [("page_view", 70), ("form_submit", 12), ("webinar_attended", 6), ("email_click", 12)]

CSV_COLUMNS = [  # (CRM export header, schema field)
    ("Lead ID", "id"), ("Email", "email"), ("First Name", "first_name"), ("Last Name", "last_name"),
    ("Company Name", "company"), ("Job Title", "title"), ("Industry", "industry"),
    ("Employees", "employees"), ("Annual Revenue", "annual_revenue"), ("Country", "country"),
    ("Lead Source", "lead_source"), ("Lifecycle Stage", "lifecycle_stage"),
    ("Unsubscribed", "unsubscribed"), ("Do Not Contact", "do_not_contact"), ("Created Date", "created_at"),
]


def weighted(rng, pairs):
    total = sum(weight for _, weight in pairs)
    pick = rng.random() * total
    for value, weight in pairs:
        pick -= weight
        if pick < 0:
            return value
    return pairs[-1][0]


def timestamp(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def slug(text):
    return "".join(ch for ch in text.lower() if ch.isalnum())


def employees(rng):
    bucket = rng.random()
    if bucket < 0.30:
        return rng.randint(1, 49)
    if bucket < 0.55:
        return rng.randint(50, 199)
    if bucket < 0.80:
        return rng.randint(200, 999)
    if bucket < 0.93:
        return rng.randint(1000, 4999)
    return rng.randint(5000, 60000)


def company_and_domain(rng, tld):
    name = rng.choice(COMPANY_PARTS) + rng.choice(COMPANY_SUFFIXES)
    if rng.random() < 0.4:
        name = rng.choice(COMPANY_PARTS) + " " + name
    return name + rng.choice(COMPANY_FORMS), slug(name) + "." + tld


def events(rng, created):
    count = min(int(rng.expovariate(1 / 3.5)), 25)
    span = max(1, int((NOW - created).total_seconds()))
    result = []
    for _ in range(count):
        moment = created + datetime.timedelta(seconds=rng.randrange(span))
        kind = weighted(rng, EVENT_TYPES)
        event = {"type": kind, "at": timestamp(moment)}
        if kind == "page_view":
            event["url"] = weighted(rng, PAGES)
        elif kind == "form_submit":
            event["form"] = weighted(rng, FORMS)
        elif kind == "webinar_attended":
            event["url"] = "https://lumen.example/webinars/" + rng.choice(["risk-dashboards", "data-mesh", "ai-forecasting"])
        else:
            event["url"] = "https://lumen.example/email/" + rng.choice(["launch", "digest", "case-study"])
        result.append(event)
    result.sort(key=lambda event: event["at"])
    return result


def lead(rng, number):
    country, _, tld = weighted(rng, [((code, w, tld), w) for code, w, tld in COUNTRIES])
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    company, domain = company_and_domain(rng, tld)
    kind = rng.random()
    if kind < 0.03:
        domain, company = rng.choice(NAMED_ACCOUNTS)
    elif kind < 0.15:
        domain = rng.choice(FREE_DOMAINS)
    elif kind < 0.155:
        domain = rng.choice(COMPETITOR_DOMAINS)
    elif kind < 0.165:
        domain = slug(rng.choice(COMPANY_PARTS)) + "-university.edu"
    record = {"id": "L-%07d" % number, "email": "%s.%s@%s" % (slug(first), slug(last), domain)}
    record["first_name"] = first
    record["last_name"] = last
    record["company"] = company
    record["title"] = weighted(rng, TITLES)
    if rng.random() < 0.95:
        record["industry"] = weighted(rng, INDUSTRIES)
    if rng.random() < 0.93:
        record["employees"] = employees(rng)
        if rng.random() < 0.8:
            record["annual_revenue"] = float(record["employees"] * rng.randint(60, 400) * 1000)
    record["country"] = country
    record["lead_source"] = weighted(rng, SOURCES)
    record["lifecycle_stage"] = weighted(rng, STAGES)
    if rng.random() < 0.03:
        record["unsubscribed"] = True
    if rng.random() < 0.01:
        record["do_not_contact"] = True
    created = NOW - datetime.timedelta(seconds=rng.randrange(365 * 86400))
    record["created_at"] = timestamp(created)
    record["events"] = events(rng, created)
    return record


def csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value)
    if any(ch in text for ch in ',"\n\r'):
        text = '"' + text.replace('"', '""') + '"'
    return text


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10000, help="how many leads (default 10000)")
    parser.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
    parser.add_argument("--format", choices=["ndjson", "csv"], default="ndjson")
    parser.add_argument("--output", default="-", help="a file, or - for stdout (default)")
    parser.add_argument("--print-columns", action="store_true", help="print the --columns map for the CSV export and exit")
    arguments = parser.parse_args()
    if arguments.print_columns:
        print(",".join("%s=%s" % pair for pair in CSV_COLUMNS))
        return
    rng = random.Random(arguments.seed)
    out = sys.stdout if arguments.output == "-" else open(arguments.output, "w", encoding="utf-8", newline="")
    try:
        if arguments.format == "csv":
            out.write(",".join(header for header, _ in CSV_COLUMNS) + "\r\n")
        for number in range(1, arguments.count + 1):
            record = lead(rng, number)
            if arguments.format == "csv":
                out.write(",".join(csv_cell(record.get(field)) for _, field in CSV_COLUMNS) + "\r\n")
            else:
                out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()


if __name__ == "__main__":
    main()
