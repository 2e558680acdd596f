#!/usr/bin/env python3
"""Generate a labelled entity-resolution benchmark: people and companies as two NGOs record them.

    make_records.py [--seed 19] [--records 10000] [--out data] [--no-ftm-check]

Builds invented people (Chinese, Thai, Burmese, Vietnamese, Khmer) and companies met in
Mekong scam-compound cases, then writes each several times as the two sources ("NGO A" and
"NGO B") would: romanised differently, with honorifics, diacritics, native script, swapped
order, nicknames, typos, legal-form variants and identifiers that are present, missing,
reformatted or mistyped. Some identifiers (a call centre's phone, an exchange's wallet) are
shared by unrelated records, and some distinct people share a name, so nothing is proof.

--records is the number of records *per source*; both sources get exactly that many. Clusters
(true entities) span both sources and also repeat within one. The same seed gives the same
files byte for byte.

Writes into --out:
  records.csv      record_id, source, kind, name, aliases (;-separated), country (ISO code),
                   birth_date, incorporation_date, passport, registration_number, phone, wallet
  truth.csv        record_id, cluster_id
  variants.csv     record_id, cluster_id, tags (;-separated: what was done to this record)
  records.ftm.json FollowTheMoney entities, one JSON a line (Person, Company, CryptoWallet)
  A.json, B.json   the records of each source as tnet native (tnet/1) datasets
  stats.json       shares of each variant type, measured over the records written
Only standard-library code generates; the followthemoney package (when installed) checks that
every FtM entity's every value survives FtM's cleaning (an invalid value would be dropped).
"""

import argparse
import csv
import json
import os
import random
import sys
import time
import unicodedata
from collections import Counter, defaultdict

import names as N

COUNTRY_IDS = {"CN": "china", "TH": "thailand", "MM": "myanmar", "VN": "viet-nam", "KH": "cambodia",
               "LA": "laos", "PH": "philippines", "TW": "taiwan", "MY": "malaysia"}
COUNTRY_NAMES = {"CN": "China", "TH": "Thailand", "MM": "Myanmar", "VN": "Viet Nam", "KH": "Cambodia",
                 "LA": "Laos", "PH": "Philippines", "TW": "Taiwan", "MY": "Malaysia"}
# Where the records are made: compounds and raids.
HOST_COUNTRIES = ["KH", "MM", "LA", "PH", "TH"]
# Mobile numbers: country calling code, national trunk prefix, leading digits, national length.
PHONE_PLANS = {"KH": ("855", "0", ["12", "15", "17", "77", "89", "92", "99"], 8),
               "TH": ("66", "0", ["81", "82", "86", "89", "91", "92", "95"], 9),
               "MM": ("95", "0", ["976", "977", "978", "979", "996", "997"], 10),
               "VN": ("84", "0", ["91", "94", "98", "97", "96", "35", "33"], 9),
               "CN": ("86", "", ["138", "139", "158", "186", "135", "150"], 11),
               "LA": ("856", "0", ["2055", "2056", "2077", "2099"], 10),
               "PH": ("63", "0", ["917", "918", "927", "939", "998"], 10),
               "TW": ("886", "0", ["912", "921", "932", "955"], 9),
               "MY": ("60", "0", ["12", "16", "19"], 9)}
BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
ETHNICITIES = [("chinese", 40), ("thai", 18), ("burmese", 15), ("vietnamese", 17), ("khmer", 10)]
NATIONALITY = {"chinese": [("CN", 80), ("TW", 8), ("MY", 6), ("KH", 6)], "thai": [("TH", 1)],
               "burmese": [("MM", 1)], "vietnamese": [("VN", 1)], "khmer": [("KH", 1)]}
CLUSTER_SIZES = [(1, 40), (2, 30), (3, 17), (4, 9), (5, 4)]


def pick(rng, weighted):
    """One value of a list of (value, weight) pairs."""
    total = sum(w for _, w in weighted)
    x = rng.random() * total
    for value, w in weighted:
        x -= w
        if x < 0:
            return value
    return weighted[-1][0]


def strip_diacritics(text):
    """Vietnamese without its marks, as an ASCII keyboard writes it (đ becomes d)."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def typo(rng, text):
    """One keyboard slip in a Latin letter of text: insert, delete, transpose or substitute."""
    positions = [i for i, c in enumerate(text) if c.isascii() and c.isalpha()]
    if len(positions) < 4:
        return text, None
    i = rng.choice(positions[1:])
    kind = rng.choice(["insert", "delete", "transpose", "substitute"])
    letter = rng.choice("aeiounrstlhgkm")
    if kind == "insert":
        return text[:i] + letter + text[i:], kind
    if kind == "delete":
        return text[:i] + text[i + 1:], kind
    if kind == "transpose" and i + 1 < len(text) and text[i + 1].isalpha() and text[i + 1] != text[i]:
        return text[:i] + text[i + 1] + text[i] + text[i + 2:], kind
    if letter == text[i].lower():
        letter = "y"
    return text[:i] + (letter.upper() if text[i].isupper() else letter) + text[i + 1:], "substitute"


# ---------------------------------------------------------------- true entities

class World:
    """The true people and companies, with their identifiers, drawn from one random stream."""

    def __init__(self, rng, n_records):
        self.rng = rng
        self.people_by_ethnicity = defaultdict(list)
        self.companies = []
        self.used_ids = set()
        # Shared numbers that unrelated records carry: call centres' phones, exchanges' wallets.
        self.call_centre_phones = [self.phone(rng.choice(HOST_COUNTRIES)) for _ in range(max(5, n_records // 500))]
        self.shared_wallets = [self.wallet() for _ in range(max(3, n_records // 2000))]

    def unique(self, make):
        while True:
            value = make()
            if value not in self.used_ids:
                self.used_ids.add(value)
                return value

    def phone(self, country):
        cc, _, leads, length = PHONE_PLANS[country]
        lead = self.rng.choice(leads)
        rest = "".join(self.rng.choices("0123456789", k=length - len(lead)))
        return (country, cc, lead + rest)

    def wallet(self):
        rng = self.rng
        if rng.random() < 0.7:  # USDT on TRON
            return self.unique(lambda: "T" + "".join(rng.choices(BASE58, k=33)))
        return self.unique(lambda: "0x" + "".join(rng.choices("0123456789abcdef", k=40)))

    def date(self, start, end):
        y = self.rng.randint(start, end)
        return "%04d-%02d-%02d" % (y, self.rng.randint(1, 12), self.rng.randint(1, 28))

    def passport(self, country):
        rng = self.rng
        digits = lambda k: "".join(rng.choices("0123456789", k=k))
        letters = lambda k: "".join(rng.choices("ABCDEFGHJKLMNPRSTUVWXYZ", k=k))
        forms = {"CN": lambda: "E" + digits(8), "TW": lambda: digits(9), "MY": lambda: "A" + digits(8),
                 "TH": lambda: letters(2) + digits(7), "MM": lambda: "M" + letters(1) + digits(6),
                 "VN": lambda: "C" + digits(7), "KH": lambda: "N" + digits(8)}
        return self.unique(forms.get(country, forms["KH"]))

    def person(self):
        rng = self.rng
        ethnicity = pick(rng, ETHNICITIES)
        same = self.people_by_ethnicity[ethnicity]
        p = {"kind": "person", "ethnicity": ethnicity, "female": rng.random() < 0.35, "twin": False}
        if same and rng.random() < 0.06:
            # A hard negative: another person with exactly the same name.
            p["parts"] = same[rng.randrange(len(same))]["parts"]
            p["twin"] = True
        else:
            p["parts"] = self.name_parts(ethnicity, p["female"])
        p["nationality"] = pick(rng, NATIONALITY[ethnicity])
        p["birth"] = self.date(1960, 2004)
        p["passport"] = self.passport(p["nationality"])
        p["phone"] = self.phone(rng.choice([p["nationality"]] + HOST_COUNTRIES) if p["nationality"] in PHONE_PLANS else "KH")
        p["wallet"] = self.wallet()
        p["nickname"] = None
        if ethnicity == "chinese" and rng.random() < 0.3:
            p["nickname"] = rng.choice(N.ENGLISH_NICKNAMES)
        elif ethnicity == "thai" and rng.random() < 0.4:
            p["nickname"] = rng.choice(N.THAI_NICKNAMES)
        elif ethnicity == "burmese":
            p["honorific"] = rng.choice(N.BURMESE_HONORIFICS_FEMALE if p["female"] else N.BURMESE_HONORIFICS_MALE)
        same.append(p)
        return p

    def name_parts(self, ethnicity, female):
        rng = self.rng
        if ethnicity == "chinese":
            surname = pick(rng, [(s[:4], s[4]) for s in N.CHINESE_SURNAMES])
            k = 1 if rng.random() < 0.3 else 2
            return {"surname": surname, "given": tuple(rng.choice(N.CHINESE_GIVEN) for _ in range(k))}
        if ethnicity == "thai":
            k = 2 if rng.random() < 0.6 else 3
            parts = rng.sample(N.THAI_SURNAME_PARTS, k)
            surname = ("".join(p[0] for p in parts).capitalize(), "".join(p[1] for p in parts))
            return {"given": rng.choice(N.THAI_GIVEN), "surname": surname}
        if ethnicity == "burmese":
            k = pick(rng, [(2, 35), (3, 50), (4, 15)])
            return {"syllables": tuple(rng.choice(N.BURMESE_SYLLABLES) for _ in range(k))}
        if ethnicity == "vietnamese":
            middle = "Thị" if female and rng.random() < 0.7 else rng.choice(N.VIET_MIDDLE)
            return {"family": rng.choice(N.VIET_FAMILY), "middle": middle, "given": rng.choice(N.VIET_GIVEN)}
        return {"family": rng.choice(N.KHMER_PARTS), "given": rng.choice(N.KHMER_PARTS)}

    def company(self):
        rng = self.rng
        c = {"kind": "company", "ethnicity": "company", "twin": False}
        if self.companies and rng.random() < 0.05:
            c["trade"], c["type"] = self.companies[rng.randrange(len(self.companies))]["trade"], None
            c["type"] = rng.choice(N.COMPANY_TYPES)  # same trade name, other business: a hard negative
            c["twin"] = True
        else:
            if rng.random() < 0.6:
                c["trade"] = rng.choice(N.COMPANY_TRADE)
            else:
                c["trade"] = (" ".join(rng.sample(N.COMPANY_ENGLISH, rng.choice([1, 1, 2]))), None)
            c["type"] = rng.choice(N.COMPANY_TYPES)
        c["nationality"] = rng.choice(HOST_COUNTRIES)
        c["qualifier"] = COUNTRY_NAMES[c["nationality"]] if rng.random() < 0.3 else None
        c["legal"] = rng.choice(N.LEGAL_FORMS[:3])
        c["incorporated"] = self.date(2012, 2023)
        c["registration"] = self.unique(lambda: "%s%08d" % (c["nationality"], rng.randrange(10 ** 8)))
        c["phone"] = self.phone(c["nationality"])
        c["wallet"] = self.wallet()
        self.companies.append(c)
        return c


# ---------------------------------------------------------------- rendering one record

def render_chinese(rng, p, tags):
    surname, given = p["parts"]["surname"], p["parts"]["given"]
    hanzi = surname[3] + "".join(g[3] for g in given)
    system = pick(rng, [(0, 60), (1, 20), (2, 20)])
    if system:
        tags.append("romanisation:" + ("wade-giles" if system == 1 else "cantonese"))
    keep_apostrophe = system == 1 and rng.random() < 0.5
    def roman(s):
        text = s[system]
        if not keep_apostrophe:
            text = text.replace("'", "").replace("ü", "u")
        return text
    sur = roman(surname).capitalize()
    syllables = [roman(g) for g in given]
    if len(syllables) == 2:
        join = pick(rng, [("", 55 if system == 0 else 20), ("-", 10 if system == 0 else 60), (" ", 15)])
        if join == "-":
            tags.append("given:hyphenated")
        elif join == " ":
            tags.append("given:spaced")
        given_text = syllables[0].capitalize() + join + (syllables[1].capitalize() if join == " " else syllables[1])
    else:
        given_text = syllables[0].capitalize()
    if rng.random() < 0.15:
        sur = sur.upper()
        tags.append("case:surname-upper")
    name = sur + " " + given_text
    if rng.random() < 0.2:
        name = given_text + " " + sur
        tags.append("order:given-first")
    aliases = []
    if rng.random() < 0.12:
        tags.append("script:han")
        if rng.random() < 0.5:
            aliases.append(name)
        name = hanzi
    if p["nickname"] and rng.random() < 0.5:
        nick = p["nickname"] + " " + surname[0]
        if rng.random() < 0.1:
            tags.append("alias:as-name")
            aliases.append(name)
            name = nick
        else:
            tags.append("alias:nickname")
            aliases.append(nick)
    return name, aliases


def thai_respell(rng, text, tags):
    lower = text.lower()
    for _ in range(rng.choice([1, 1, 2])):
        rule = rng.choice(N.THAI_SPELLING_RULES)
        if rule[0] in lower:
            lower = lower.replace(rule[0], rule[1], 1)
    if lower != text.lower():
        tags.append("thai:respelt")
    return lower.capitalize()


def render_thai(rng, p, tags):
    given, surname = p["parts"]["given"], p["parts"]["surname"]
    g, s = given[0], surname[0]
    if rng.random() < 0.45:
        g = thai_respell(rng, g, tags)
    if rng.random() < 0.35:
        s = thai_respell(rng, s, tags)
    name = g + " " + s
    if rng.random() < 0.08:
        name = s + " " + g
        tags.append("order:surname-first")
    if rng.random() < 0.1:
        name = name.upper()
        tags.append("case:upper")
    aliases = []
    if rng.random() < 0.12:
        tags.append("script:thai")
        if rng.random() < 0.5:
            aliases.append(name)
        name = given[1] + " " + surname[1]
    if p["nickname"] and rng.random() < 0.5:
        tags.append("alias:nickname")
        aliases.append(p["nickname"])
    return name, aliases


def render_burmese(rng, p, tags):
    words = []
    for base, alt in p["parts"]["syllables"]:
        if alt and rng.random() < 0.12:
            tags.append("burmese:respelt")
            words.append(alt)
        else:
            words.append(base)
    if rng.random() < 0.15 and len(words) >= 2:
        tags.append("burmese:spacing")
        i = rng.randrange(len(words) - 1)
        words[i:i + 2] = [words[i] + words[i + 1]]
    name = " ".join(words)
    if rng.random() < 0.5:
        honorific = p["honorific"]
        if rng.random() < 0.15:  # an older man is U to one source, Ko to another
            honorific = rng.choice(N.BURMESE_HONORIFICS_FEMALE if p["female"] else N.BURMESE_HONORIFICS_MALE)
        tags.append("burmese:honorific")
        name = honorific + " " + name
    return name, []


def render_vietnamese(rng, p, tags):
    parts = p["parts"]
    family, middle, given = parts["family"], parts["middle"], parts["given"]
    order = pick(rng, [("fmg", 70), ("mgf", 15), ("gf", 8), ("fg", 7)])
    if order != "fmg":
        tags.append("order:" + {"mgf": "given-first", "gf": "given-first-no-middle", "fg": "no-middle"}[order])
    words = {"fmg": [family, middle, given], "mgf": [middle, given, family],
             "gf": [given, family], "fg": [family, given]}[order]
    name = " ".join(words)
    if rng.random() < 0.5:
        tags.append("diacritics:stripped")
        name = strip_diacritics(name)
    if rng.random() < 0.1:
        tags.append("case:upper")
        name = name.upper()
    return name, []


def render_khmer(rng, p, tags):
    family, given = p["parts"]["family"], p["parts"]["given"]
    f = family[1] if rng.random() < 0.25 else family[0]
    g = given[1] if rng.random() < 0.25 else given[0]
    if (f, g) != (family[0], given[0]):
        tags.append("khmer:respelt")
    name = f + " " + g
    if rng.random() < 0.15:
        name = g + " " + f
        tags.append("order:given-first")
    return name, []


def render_company(rng, c, tags):
    trade, kind, qualifier = c["trade"], c["type"], c["qualifier"]
    aliases = []
    legal = c["legal"]
    if rng.random() < 0.5:
        legal = rng.choice(N.LEGAL_FORMS)
        if legal != c["legal"]:
            tags.append("company:legal-form")
    words = [trade[0]]
    if rng.random() < 0.92:
        words.append(kind[0])
    else:
        tags.append("company:type-dropped")
    if qualifier:
        if rng.random() < 0.7:
            words.append("(" + qualifier + ")")
        else:
            tags.append("company:qualifier-dropped")
    name = " ".join(words) + " " + legal
    if rng.random() < 0.1:
        name = name.upper()
        tags.append("case:upper")
    if trade[1] and rng.random() < 0.12:
        tags.append("script:han")
        if rng.random() < 0.5:
            aliases.append(name)
        name = trade[1] + kind[1] + "有限公司"
    elif trade[1] and rng.random() < 0.1:
        tags.append("alias:native")
        aliases.append(trade[1] + kind[1] + "有限公司")
    return name, aliases


RENDER = {"chinese": render_chinese, "thai": render_thai, "burmese": render_burmese,
          "vietnamese": render_vietnamese, "khmer": render_khmer, "company": render_company}


def render_phone(rng, phone, tags):
    country, cc, national = phone
    trunk = PHONE_PLANS[country][1]
    style = rng.randrange(5)
    if style:
        tags.append("phone:format-%d" % style)
    if style == 0:
        return "+%s %s %s %s" % (cc, national[:2], national[2:5], national[5:])
    if style == 1:
        return "+" + cc + national
    if style == 2:
        return trunk + national
    if style == 3:
        local = trunk + national
        return local[:3] + " " + local[3:6] + " " + local[6:]
    return "%s-%s-%s" % (cc, national[:3], national[3:])


def render_date(rng, date, tags):
    x = rng.random()
    if x < 0.2:
        tags.append("date:missing")
        return ""
    if x < 0.4:
        tags.append("date:year-only")
        return date[:4]
    if x < 0.45:
        tags.append("date:year-month")
        return date[:7]
    if x < 0.48 and int(date[8:]) <= 12 and date[5:7] != date[8:]:
        tags.append("date:day-month-swapped")
        return date[:5] + date[8:] + "-" + date[5:7]
    if x < 0.5:
        tags.append("date:year-off-by-one")
        return str(int(date[:4]) + rng.choice([-1, 1])) + date[4:]
    return date


def render_record(rng, world, e):
    """One record of true entity e, as a source writes it, and the tags of what was changed."""
    tags = []
    if e["twin"]:
        tags.append("hard-negative:name-twin")
    name, aliases = RENDER[e["ethnicity"]](rng, e, tags)
    if rng.random() < 0.12 and not any(t.startswith("script:") for t in tags):
        name, kind = typo(rng, name)
        if kind:
            tags.append("typo:" + kind)
    r = {"kind": e["kind"], "name": name, "aliases": aliases}
    x = rng.random()
    if x < 0.15:
        r["country"] = ""
        tags.append("country:missing")
    elif x < 0.25:
        r["country"] = rng.choice(HOST_COUNTRIES)
        if r["country"] != e["nationality"]:
            tags.append("country:where-found")
    else:
        r["country"] = e["nationality"]
    person = e["kind"] == "person"
    r["birth_date"] = render_date(rng, e["birth"], tags) if person else ""
    r["incorporation_date"] = "" if person else render_date(rng, e["incorporated"], tags)
    r["passport"] = ""
    if person and rng.random() < 0.5:
        value = e["passport"]
        x = rng.random()
        if x < 0.06:
            value = value[:3] + " " + value[3:]
            tags.append("passport:spaced")
        elif x < 0.12:
            i = rng.randrange(len(value) - 4, len(value) - 1)  # two digits swapped
            value = value[:i] + value[i + 1] + value[i] + value[i + 2:]
            tags.append("passport:mistyped")
        r["passport"] = value
    r["registration_number"] = ""
    if not person and rng.random() < 0.6:
        value = e["registration"]
        if rng.random() < 0.1:
            value = value[:2] + "-" + value[2:]
            tags.append("registration:formatted")
        r["registration_number"] = value
    r["phone"] = ""
    if rng.random() < 0.4:
        if rng.random() < 0.05:
            r["phone"] = render_phone(rng, rng.choice(world.call_centre_phones), tags)
            tags.append("phone:call-centre")
        else:
            r["phone"] = render_phone(rng, e["phone"], tags)
    r["wallet"] = ""
    if rng.random() < (0.15 if person else 0.35):
        if rng.random() < 0.05:
            r["wallet"] = rng.choice(world.shared_wallets)
            tags.append("wallet:shared-exchange")
        else:
            r["wallet"] = e["wallet"]
    return r, tags


# ---------------------------------------------------------------- the data set

def build(seed, per_source):
    """Records of both sources, each with its cluster, in a deterministic order."""
    rng = random.Random(seed)
    world = World(rng, per_source)
    left = {"A": per_source, "B": per_source}
    records = []  # (source, cluster, record, tags)
    cluster = 0
    while left["A"] or left["B"]:
        e = world.company() if rng.random() < 0.2 else world.person()
        size = pick(rng, CLUSTER_SIZES)
        cluster += 1
        for _ in range(size):
            source = "A" if rng.random() < 0.5 else "B"
            if not left[source]:
                source = "B" if source == "A" else "A"
            if not left[source]:
                break
            left[source] -= 1
            r, tags = render_record(rng, world, e)
            records.append((source, "C%07d" % cluster, r, tags))
    rng.shuffle(records)
    numbers = {"A": 0, "B": 0}
    out = []
    for source, cluster_id, r, tags in records:
        numbers[source] += 1
        r["record_id"] = "%s-%07d" % (source, numbers[source])
        r["source"] = source
        out.append((cluster_id, r, tags))
    out.sort(key=lambda t: t[1]["record_id"])
    return out


COLUMNS = ["record_id", "source", "kind", "name", "aliases", "country", "birth_date", "incorporation_date",
           "passport", "registration_number", "phone", "wallet"]


def e164(phone):
    """A written phone number in international form (+CC…), for FtM, which needs one."""
    digits = "".join(c for c in phone if c.isdigit())
    if phone.startswith("+") or phone.count("-") == 2:
        return "+" + digits
    for country, (cc, trunk, leads, length) in PHONE_PLANS.items():
        national = digits[len(trunk):] if trunk and digits.startswith(trunk) else digits
        if len(national) == length and any(national.startswith(l) for l in leads):
            return "+" + cc + national
    return "+" + digits


def ftm_entities(r):
    """The FtM entities (as dicts) for one record: a Person or Company, and its CryptoWallet."""
    schema = "Person" if r["kind"] == "person" else "Company"
    props = {"name": [r["name"]]}
    if r["aliases"]:
        props["alias"] = list(r["aliases"])
    if r["country"]:
        props["country"] = [r["country"].lower()]
    if r["birth_date"]:
        props["birthDate"] = [r["birth_date"]]
    if r["incorporation_date"]:
        props["incorporationDate"] = [r["incorporation_date"]]
    if r["passport"]:
        props["passportNumber"] = [r["passport"]]
    if r["registration_number"]:
        props["registrationNumber"] = [r["registration_number"]]
    if r["phone"]:
        props["phone"] = [e164(r["phone"])]
    out = [{"id": r["record_id"], "schema": schema, "properties": props}]
    if r["wallet"]:
        currency = "USDT" if r["wallet"].startswith("T") else "ETH"
        out.append({"id": r["record_id"] + "-wallet", "schema": "CryptoWallet",
                    "properties": {"publicKey": [r["wallet"]], "holder": [r["record_id"]], "currency": [currency]}})
    return out


def check_ftm(entities):
    """Every entity's schema and properties must exist in FtM's model, and every value must come
    out of FtM's cleaning for its property's type unchanged in meaning (not dropped). Values are
    cleaned once each (no value here depends on another: phones are international), so a large
    file checks quickly. Returns the number of entities checked."""
    try:
        from followthemoney import model
    except ImportError:
        print("followthemoney not installed: FtM entities not validated", file=sys.stderr)
        return 0
    bad = []
    seen = {}
    for data in entities:
        schema = model.get(data["schema"])
        if schema is None:
            bad.append((data["id"], "schema", data["schema"], None))
            continue
        for name, values in data["properties"].items():
            prop = schema.get(name)
            if prop is None or prop.stub:
                bad.append((data["id"], name, values, "no such property"))
                continue
            for value in values:
                key = (prop.type.name, value)
                if key not in seen:
                    seen[key] = prop.type.clean(value)
                if seen[key] is None:
                    bad.append((data["id"], name, value, None))
        if data["schema"] == "CryptoWallet" and not data["properties"].get("holder"):
            bad.append((data["id"], "holder", None, "missing"))
    # And whole entities through the proxy, as FtM reads them, for a fixed sample.
    for data in entities[:: max(1, len(entities) // 2000)]:
        proxy = model.get_proxy(data, cleaned=False)
        for prop, values in data["properties"].items():
            if len(proxy.get(prop)) != len(values):
                bad.append((data["id"], prop, values, proxy.get(prop)))
    if bad:
        for b in bad[:10]:
            print("FtM dropped a value:", b, file=sys.stderr)
        sys.exit("%d FtM values invalid" % len(bad))
    return len(entities)


def tnet_dataset(source, rows):
    """One source's records as a tnet/1 dataset: the country entities it cites, then the records."""
    sid = "ngo-" + source.lower()
    countries = sorted({r["country"] for _, r, _ in rows if r["country"]})
    entities = [{"id": COUNTRY_IDS[c], "kind": "country", "name": COUNTRY_NAMES[c], "confidence": "A1",
                 "sources": [sid], "attributes": {"iso": c}} for c in countries]
    for _, r, _ in rows:
        e = {"id": r["record_id"], "kind": r["kind"], "name": r["name"]}
        if r["country"]:
            e["country"] = COUNTRY_IDS[r["country"]]
        e["confidence"] = "C3"
        e["sources"] = [sid]
        attributes = {}
        if r["aliases"]:
            attributes["aliases"] = list(r["aliases"])
        for key in ("birth_date", "incorporation_date", "passport", "registration_number", "phone", "wallet"):
            if r[key]:
                attributes[key] = r[key]
        e["attributes"] = attributes
        entities.append(e)
    return {"format": "tnet/1",
            "title": "NGO %s case records (synthetic entity-resolution benchmark)" % source,
            "description": "Invented people and companies as NGO %s recorded them; generated by "
                           "Benchmarks/entity-resolution/make_records.py. No real person is named." % source,
            "licence": "CC0 (synthetic)",
            "sources": [{"id": sid, "title": "NGO %s intake and case spreadsheets (synthetic)" % source,
                         "publisher": "NGO %s (fictitious)" % source}],
            "entities": entities, "links": []}


def write_tnet(f, dataset):
    """A tnet/1 dataset as JSON with one entity a line (readable, and quick to write)."""
    f.write("{\n")
    for key, value in dataset.items():
        if key in ("entities", "links"):
            continue
        f.write(" %s: %s,\n" % (json.dumps(key), json.dumps(value, ensure_ascii=False)))
    f.write(' "entities": [\n')
    f.write(",\n".join("  " + json.dumps(e, ensure_ascii=False) for e in dataset["entities"]))
    f.write('\n ],\n "links": []\n}\n')


def measure(rows):
    """Shares of each variant, over all records and over records of clusters with duplicates."""
    sizes = Counter(c for c, _, _ in rows)
    dup_rows = [(c, r, t) for c, r, t in rows if sizes[c] > 1]
    tag_counts = Counter()
    for _, _, tags in dup_rows:
        for t in set(tags):
            tag_counts[t] += 1
    by_cluster = defaultdict(list)
    for c, r, _ in rows:
        by_cluster[c].append(r)
    pairs = same_name = cross = 0
    shared = Counter()
    for members in by_cluster.values():
        for i in range(len(members)):
            for j in range(i + 1, len(members)):
                a, b = members[i], members[j]
                pairs += 1
                cross += a["source"] != b["source"]
                same_name += a["name"].lower() == b["name"].lower()
                for key in ("passport", "registration_number", "phone", "wallet"):
                    if a[key] and a[key] == b[key]:
                        shared[key] += 1
    # Identifiers carried by records of different clusters (evidence, not proof).
    false_shared = Counter()
    for key in ("passport", "registration_number", "phone", "wallet"):
        clusters_of = defaultdict(set)
        for c, r, _ in rows:
            if r[key]:
                digits = "".join(ch for ch in r[key] if ch.isalnum())[-8:]
                clusters_of[digits].add(c)
        false_shared[key] = sum(1 for cs in clusters_of.values() if len(cs) > 1)
    kinds = Counter(r["kind"] for _, r, _ in rows)
    # Hard negatives as the file shows them: one folded name carried by several true entities.
    clusters_of_name = defaultdict(set)
    folded = [" ".join(sorted(strip_diacritics(r["name"]).lower().split())) for _, r, _ in rows]
    for (c, _, _), key in zip(rows, folded):
        clusters_of_name[key].add(c)
    shared_names = [cs for cs in clusters_of_name.values() if len(cs) > 1]
    non_latin = sum(1 for _, r, _ in rows if any(ord(ch) > 0x2FF for ch in r["name"]))
    with_alias = sum(1 for _, r, _ in rows if r["aliases"])
    return {
        "records": len(rows), "clusters": len(sizes), "kinds": dict(kinds),
        "cluster_sizes": dict(sorted(Counter(sizes.values()).items())),
        "records_in_duplicate_clusters": len(dup_rows),
        "true_pairs": pairs, "true_pairs_across_sources": cross,
        "true_pairs_with_identical_name": same_name,
        "true_pairs_sharing_exact": dict(shared),
        "identifier_values_shared_by_different_clusters": dict(false_shared),
        "names_shared_by_different_clusters": len(shared_names),
        "records_whose_name_another_cluster_shares": sum(1 for key in folded if len(clusters_of_name[key]) > 1),
        "records_with_name_in_native_script": non_latin,
        "records_with_aliases": with_alias,
        "tag_share_of_duplicate_records": {t: round(n / max(1, len(dup_rows)), 4)
                                           for t, n in sorted(tag_counts.items())},
        "tag_counts_of_duplicate_records": dict(sorted(tag_counts.items())),
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=19)
    ap.add_argument("--records", type=int, default=10000, help="records per source (A and B each)")
    ap.add_argument("--out", default="data")
    ap.add_argument("--no-ftm-check", action="store_true", help="skip the followthemoney validation")
    args = ap.parse_args()
    start = time.time()
    os.makedirs(args.out, exist_ok=True)
    rows = build(args.seed, args.records)
    with open(os.path.join(args.out, "records.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(COLUMNS)
        for _, r, _ in rows:
            w.writerow([";".join(r[k]) if k == "aliases" else r[k] for k in COLUMNS])
    with open(os.path.join(args.out, "truth.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["record_id", "cluster_id"])
        for c, r, _ in rows:
            w.writerow([r["record_id"], c])
    with open(os.path.join(args.out, "variants.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["record_id", "cluster_id", "tags"])
        for c, r, tags in rows:
            w.writerow([r["record_id"], c, ";".join(tags)])
    entities = []
    with open(os.path.join(args.out, "records.ftm.json"), "w", encoding="utf-8") as f:
        for _, r, _ in rows:
            for e in ftm_entities(r):
                entities.append(e)
                f.write(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n")
    for source in ("A", "B"):
        with open(os.path.join(args.out, source + ".json"), "w", encoding="utf-8") as f:
            write_tnet(f, tnet_dataset(source, [x for x in rows if x[1]["source"] == source]))
    generated = time.time() - start
    checked = 0 if args.no_ftm_check else check_ftm(entities)
    stats = measure(rows)
    stats.update({"seed": args.seed, "records_per_source": args.records,
                  "seconds_to_generate": round(generated, 2), "ftm_entities_validated": checked})
    with open(os.path.join(args.out, "stats.json"), "w", encoding="utf-8") as f:
        json.dump(stats, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print("%d records (%d clusters, %d true pairs) in %s: %.1f s to generate, %d FtM entities validated, %.1f s in all"
          % (stats["records"], stats["clusters"], stats["true_pairs"], args.out, generated, checked,
             time.time() - start))


if __name__ == "__main__":
    main()
