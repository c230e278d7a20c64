"""Regenerate countries.csv: ISO 3166-1 (pycountry) under United Nations short names.

Run from the repository root:  python -m graph.data.make_countries
The CSV is what ships; this script documents how it was made and lets a curator
refresh it when pycountry or UN usage changes. Edit the tables below, not the CSV.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

# UN short names (UN Terminology / M49) where ISO's differs, with common variants.
UN_NAMES: dict[str, tuple[str, tuple[str, ...]]] = {
    "BOL": ("Bolivia (Plurinational State of)", ("Bolivia", "Plurinational State of Bolivia")),
    "BRN": ("Brunei Darussalam", ("Brunei",)),
    "CIV": ("Côte d'Ivoire", ("Cote d'Ivoire", "Ivory Coast")),
    "COD": ("Democratic Republic of the Congo", ("DR Congo", "DRC")),
    "COG": ("Congo", ("Republic of the Congo",)),
    "CPV": ("Cabo Verde", ("Cape Verde",)),
    "CZE": ("Czechia", ("Czech Republic",)),
    "FLK": ("Falkland Islands (Malvinas)", ("Falkland Islands",)),
    "FSM": ("Micronesia (Federated States of)", ("Federated States of Micronesia",)),
    "GBR": ("United Kingdom of Great Britain and Northern Ireland",
            ("United Kingdom", "UK", "U.K.", "Great Britain", "Britain")),
    "GMB": ("Gambia", ("The Gambia",)),
    "BHS": ("Bahamas", ("The Bahamas",)),
    "HKG": ("Hong Kong Special Administrative Region of China",
            ("Hong Kong", "Hong Kong SAR", "Hong Kong, China", "Hong Kong SAR of China")),
    "IRN": ("Iran (Islamic Republic of)", ("Iran", "Islamic Republic of Iran")),
    "KOR": ("Republic of Korea", ("South Korea",)),
    "PRK": ("Democratic People's Republic of Korea", ("North Korea", "DPRK")),
    "LAO": ("Lao People's Democratic Republic", ("Laos", "Lao PDR")),
    "MAC": ("Macao Special Administrative Region of China", ("Macao", "Macau", "Macao SAR")),
    "MDA": ("Republic of Moldova", ("Moldova",)),
    "MKD": ("North Macedonia", ("The former Yugoslav Republic of Macedonia",
                                "former Yugoslav Republic of Macedonia", "Macedonia")),
    "NLD": ("Netherlands", ("Kingdom of the Netherlands", "Netherlands (Kingdom of the)", "Holland")),
    "PSE": ("State of Palestine", ("Occupied Palestinian Territory", "Palestine",
                                   "Occupied Palestinian Territories", "Palestinian Territory")),
    "RUS": ("Russian Federation", ("Russia",)),
    "SWZ": ("Eswatini", ("Swaziland",)),
    "SYR": ("Syrian Arab Republic", ("Syria",)),
    "TUR": ("Türkiye", ("Turkey", "Turkiye")),
    "TWN": ("Taiwan Province of China", ("Taiwan",)),
    "TZA": ("United Republic of Tanzania", ("Tanzania",)),
    "USA": ("United States of America", ("United States", "USA", "U.S.", "U.S.A.")),
    "VAT": ("Holy See", ("Vatican", "Vatican City")),
    "VEN": ("Venezuela (Bolivarian Republic of)", ("Venezuela", "Bolivarian Republic of Venezuela")),
    "VGB": ("British Virgin Islands", ()),
    "VIR": ("United States Virgin Islands", ()),
    "VNM": ("Viet Nam", ("Vietnam",)),
    "BES": ("Bonaire, Sint Eustatius and Saba", ()),
    "SHN": ("Saint Helena", ("Saint Helena, Ascension and Tristan da Cunha",)),
    "KNA": ("Saint Kitts and Nevis", ("St. Kitts and Nevis",)),
    "LCA": ("Saint Lucia", ("St. Lucia",)),
    "VCT": ("Saint Vincent and the Grenadines", ("St. Vincent and the Grenadines",)),
    "MAF": ("Saint Martin (French part)", ()),
    "SXM": ("Sint Maarten (Dutch part)", ()),
    "CUW": ("Curaçao", ("Curacao",)),
    "REU": ("Réunion", ("Reunion",)),
    "BLM": ("Saint Barthélemy", ()),
    "ALA": ("Åland Islands", ()),
    "TLS": ("Timor-Leste", ("East Timor",)),
    "MMR": ("Myanmar", ("Burma",)),
    "PHL": ("Philippines", ()),
}

# Areas that are not places people live or that UN texts never treat as countries.
SKIP = {"ATA", "BVT", "HMD", "UMI", "ATF", "IOT", "SGS"}

# Demonyms usable as "Filipino workers"-style country cues. Ambiguous ones
# ("American", "Korean", "Congolese", "Guinean", "Dominican"…) are left out on purpose.
DEMONYMS: dict[str, tuple[str, ...]] = {
    "AFG": ("Afghan",), "ALB": ("Albanian",), "DZA": ("Algerian",), "AGO": ("Angolan",),
    "ARG": ("Argentine", "Argentinian"), "ARM": ("Armenian",), "AUS": ("Australian",),
    "AUT": ("Austrian",), "AZE": ("Azerbaijani",), "BHR": ("Bahraini",), "BGD": ("Bangladeshi",),
    "BRB": ("Barbadian",), "BLR": ("Belarusian",), "BEL": ("Belgian",), "BLZ": ("Belizean",),
    "BEN": ("Beninese",), "BTN": ("Bhutanese",), "BOL": ("Bolivian",), "BIH": ("Bosnian",),
    "BWA": ("Botswanan",), "BRA": ("Brazilian",), "BGR": ("Bulgarian",), "BFA": ("Burkinabe",),
    "BDI": ("Burundian",), "KHM": ("Cambodian",), "CMR": ("Cameroonian",), "CAN": ("Canadian",),
    "CPV": ("Cabo Verdean", "Cape Verdean"), "TCD": ("Chadian",), "CHL": ("Chilean",),
    "CHN": ("Chinese",), "COL": ("Colombian",), "CRI": ("Costa Rican",), "HRV": ("Croatian",),
    "CUB": ("Cuban",), "CYP": ("Cypriot",), "CZE": ("Czech",), "DNK": ("Danish",),
    "DJI": ("Djiboutian",), "ECU": ("Ecuadorian", "Ecuadorean"), "EGY": ("Egyptian",),
    "SLV": ("Salvadoran", "Salvadorean"), "ERI": ("Eritrean",), "EST": ("Estonian",),
    "ETH": ("Ethiopian",), "FJI": ("Fijian",), "FIN": ("Finnish",), "FRA": ("French",),
    "GAB": ("Gabonese",), "GMB": ("Gambian",), "GEO": ("Georgian",), "DEU": ("German",),
    "GHA": ("Ghanaian",), "GRC": ("Greek",), "GTM": ("Guatemalan",), "GUY": ("Guyanese",),
    "HTI": ("Haitian",), "HND": ("Honduran",), "HUN": ("Hungarian",), "ISL": ("Icelandic",),
    "IND": ("Indian",), "IDN": ("Indonesian",), "IRN": ("Iranian",), "IRQ": ("Iraqi",),
    "IRL": ("Irish",), "ISR": ("Israeli",), "ITA": ("Italian",), "JAM": ("Jamaican",),
    "JPN": ("Japanese",), "JOR": ("Jordanian",), "KAZ": ("Kazakh", "Kazakhstani"),
    "KEN": ("Kenyan",), "KWT": ("Kuwaiti",), "KGZ": ("Kyrgyz",), "LAO": ("Lao",),
    "LVA": ("Latvian",), "LBN": ("Lebanese",), "LSO": ("Basotho",), "LBR": ("Liberian",),
    "LBY": ("Libyan",), "LTU": ("Lithuanian",), "LUX": ("Luxembourgish",), "MDG": ("Malagasy",),
    "MWI": ("Malawian",), "MYS": ("Malaysian",), "MDV": ("Maldivian",), "MLI": ("Malian",),
    "MLT": ("Maltese",), "MRT": ("Mauritanian",), "MUS": ("Mauritian",), "MEX": ("Mexican",),
    "MDA": ("Moldovan",), "MNG": ("Mongolian",), "MNE": ("Montenegrin",), "MAR": ("Moroccan",),
    "MOZ": ("Mozambican",), "MMR": ("Myanmar",), "NAM": ("Namibian",), "NPL": ("Nepalese", "Nepali"),
    "NLD": ("Dutch",), "NZL": ("New Zealander",), "NIC": ("Nicaraguan",), "NER": ("Nigerien",),
    "NGA": ("Nigerian",), "NOR": ("Norwegian",), "OMN": ("Omani",), "PAK": ("Pakistani",),
    "PAN": ("Panamanian",), "PNG": ("Papua New Guinean",), "PRY": ("Paraguayan",),
    "PER": ("Peruvian",), "PHL": ("Filipino", "Philippine"), "POL": ("Polish",),
    "PRT": ("Portuguese",), "QAT": ("Qatari",), "ROU": ("Romanian",), "RUS": ("Russian",),
    "RWA": ("Rwandan",), "SAU": ("Saudi", "Saudi Arabian"), "SEN": ("Senegalese",),
    "SRB": ("Serbian",), "SLE": ("Sierra Leonean",), "SGP": ("Singaporean",), "SVK": ("Slovak",),
    "SVN": ("Slovenian",), "SOM": ("Somali",), "ZAF": ("South African",), "ESP": ("Spanish",),
    "LKA": ("Sri Lankan",), "SDN": ("Sudanese",), "SUR": ("Surinamese",), "SWE": ("Swedish",),
    "CHE": ("Swiss",), "SYR": ("Syrian",), "TJK": ("Tajik", "Tajikistani"), "TZA": ("Tanzanian",),
    "THA": ("Thai",), "TGO": ("Togolese",), "TON": ("Tongan",), "TTO": ("Trinidadian",),
    "TUN": ("Tunisian",), "TUR": ("Turkish",), "TKM": ("Turkmen",), "UGA": ("Ugandan",),
    "UKR": ("Ukrainian",), "ARE": ("Emirati",), "GBR": ("British",), "URY": ("Uruguayan",),
    "UZB": ("Uzbek",), "VEN": ("Venezuelan",), "VNM": ("Vietnamese",), "YEM": ("Yemeni",),
    "ZMB": ("Zambian",), "ZWE": ("Zimbabwean",),
}


def rows() -> list[dict[str, str]]:
    import pycountry

    out = []
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        iso3 = c.alpha_3
        if iso3 in SKIP:
            continue
        iso_names = [getattr(c, "common_name", None), c.name, getattr(c, "official_name", None)]
        iso_names = [n for n in iso_names if n and "," not in n and "(" not in n]
        name, extra = UN_NAMES.get(iso3, (iso_names[0] if iso_names else c.name, ()))
        aliases = []
        for a in (*extra, *iso_names):
            if a != name and a not in aliases:
                aliases.append(a)
        out.append({"name": name, "iso3": iso3, "aliases": ";".join(aliases),
                    "demonyms": ";".join(DEMONYMS.get(iso3, ()))})
    return out


def main(path: str = str(Path(__file__).with_name("countries.csv"))) -> None:
    data = rows()
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["name", "iso3", "aliases", "demonyms"], lineterminator="\n")
        w.writeheader()
        w.writerows(data)
    print(f"wrote {len(data)} rows to {path}", file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:])
