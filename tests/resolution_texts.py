"""Invented General Assembly resolutions in the standard layout, clean and damaged.

The content is made up (Arnor, Gondor, resolution 70/999); the layout is the real one,
so the parser is tested on form, never on facts of a real resolution.
"""

STANDARD = """United Nations A/RES/70/999

General Assembly Distr.: General
12 January 2016

Seventieth session
Agenda item 22 (c)

Resolution adopted by the General Assembly on 22 December 2015

[on the report of the Second Committee (A/70/999/Add.3)]

70/999. Migration between Arnor and Gondor

The General Assembly,

Recalling its resolutions 68/4 of 3 October 2013 and 69/229 of 19 December 2014,

Reaffirming the International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families,

Noting with interest the offer of the Government of Arnor to host the Forum,

Bearing in mind Economic and Social Council resolution 2014/7 of 12 June 2014,

1. Takes note of the report of the Secretary-General;1

2. Requests the Secretary-General to submit to the General Assembly at its seventy-first session a report on the implementation of the present resolution;

3. Invites relevant United Nations agencies, funds and programmes as well as the International Organization for Migration to contribute to the report;

4. Urges Member States and the regional commissions to cooperate in the collection of data on migration;

5. Calls upon the Government of Gondor and the Arnor Migration Agency, in accordance with their mandates, to exchange data;

6. Encourages efforts by Member States and the international community to protect migrants;

7. Decides to hold, within existing resources, a High-level Dialogue on Arnor Migration during its seventy-third session, in 2019;

8. Also decides to include in the provisional agenda of its seventy-first session the sub-item entitled "Migration between Arnor and Gondor".

81st plenary meeting
22 December 2015

1 A/70/888.
"""

# The same kind of text as a PDF extraction leaves it: letter-spaced and italic verbs,
# running headers and job numbers inside paragraphs, lines broken mid-sentence,
# footnote markers, curly quotes, bullets.
DAMAGED = """United Nations A/RES/70/998

Distr.: General 2 February 2016

Seventieth session Agenda item 22

Resolution adopted by the General Assembly

70/998. Migration of Arnorian seafarers

The General Assembly ,

Reca llin g its resolution 69/229 of 19 December 2014, ¹

*Noting with interest* the report of the Gondor Commission,

- 1. *Takes note* of the report of the Secretary-General; 2
- 2. *Re quests* the Secretary-General to submit to the General Assembly at its seventy-first
session a report on the implementation of

15-22222 3

A/RES/70/998

the present resolution;

- 3. *Further decides* to include in the provisional agenda of its seventy-first session the sub-item entitled “Migration of Arnorian seafarers”.

¹ A/69/100.

80th plenary meeting 21 December 2015
"""

# A web page's text: the whole resolution on a few lines, paragraphs run together.
WEB = ("Resolution adopted by the General Assembly on 17 December 2015 [on the report of the Third Committee "
       "(A/70/997)] 70/997. Protection of Gondorian migrants The General Assembly, Recalling its resolution "
       "69/167 of 18 December 2014, Noting the efforts of Member States, 1. Calls upon all States to protect "
       "migrants; 2. Requests the Secretary-General to report on the implementation of the present resolution; "
       "3. Decides to continue its consideration of the question. 80th plenary meeting 17 December 2015\n")

# A committee report that quotes the draft it recommends.
COMMITTEE_REPORT = """United Nations A/70/996

General Assembly Distr.: General 1 December 2015

Report of the Third Committee

I. Introduction

1. At its 2nd plenary meeting, on 18 September 2015, the General Assembly allocated the item to the Third Committee.

2. At its 45th meeting, on 20 November, the Committee adopted draft resolution A/C.3/70/L.99, entitled "Protection of migrants in Arnor" (see para. 8).

II. Recommendation of the Third Committee

8. The Third Committee recommends to the General Assembly the adoption of the following draft resolution:

Protection of migrants in Arnor

The General Assembly,

Recalling its resolution 69/167 of 18 December 2014,

1. Calls upon all States to protect the human rights of migrants;

2. Requests the Secretary-General to report to the General Assembly at its seventy-second session on the implementation of the present resolution.
"""

# A PDF page layout as text extractors print it: leading spaces, hard line breaks inside
# paragraphs and citations, a barcode line, a footnote rule, a running header with the
# title and a page counter on the next page.
PDF_LAYOUT = """ United Nations  A/RES/72/991 
 
General Assembly  Distr.: General 
10 January 2018 
Seventy-second session 
Agenda item 19 (c) 
17-23456 (E)    *1723456* 
Please recycle  
Resolution adopted by the General Assembly on 20 December 2017 
[on the report of the Second Committee (A/72/420/Add.3)] 
72/991. Migration and mobility in Arnor 
 The General Assembly, 
 Recalling its resolutions 68/4 of 3 October 2013, 69/229 of 19 December 
2014 and 71/237 of 21 December 2016, and its decision 70/543 of 22 December 2015, 
 Deeply concerned about the situation of migrants in transit, 
 1. Takes note of the report of the Secretary-General;1 
 2. Calls upon Member States, the United Nations system and other relevant 
international organizations, as appropriate, to strengthen cooperation on migration 
statistics; 
 _______________ 
1 A/72/291. 
A/RES/72/991 Migration and mobility in Arnor 
 
2/3 17-23456 
 3. Also requests the Secretary-General, in consultation with the Arnor Migration 
Office, to prepare a report on the subject;
 4. Decides to include in the provisional agenda of its seventy-fourth session the 
sub-item entitled "Migration and mobility in Arnor". 
 
74th plenary meeting 
20 December 2017 
"""

# A draft resolution as issued (Distr.: Limited, sponsors' line, no closing formula).
DRAFT = """United Nations A/C.2/72/L.98
General Assembly Distr.: Limited
25 October 2017
Original: English
Seventy-second session
Second Committee
Agenda item 19 (c)
Globalization and interdependence: migration
Arnor and Gondor:* draft resolution
Migration and mobility in Arnor
The General Assembly,
Recalling its resolution 71/237 of 21 December 2016,
1. Requests the Secretary-General to report on the implementation of the present resolution;
2. Invites Member States to share their experience.
* On behalf of the Group of Western Lands.
"""

# A committee report recommending two drafts, the second revised from an earlier draft.
TWO_DRAFTS_REPORT = """United Nations A/72/421

Report of the Third Committee

2. At its 40th meeting, on 1 November, the Committee had before it a draft resolution entitled "Migrant seafarers" (A/C.3/72/L.30), submitted by Arnor.

3. At the same meeting, the Committee adopted draft resolution A/C.3/72/L.30 (see para. 9, draft resolution I).

4. At its 45th meeting, on 8 November, the Committee had before it a draft resolution entitled "Migrant children" (A/C.3/72/L.40/Rev.1), submitted by the Vice-Chair on the basis of informal consultations on draft resolution A/C.3/72/L.40.

5. At the same meeting, the Committee adopted draft resolution A/C.3/72/L.40/Rev.1 (see para. 9, draft resolution II).

III. Recommendations of the Third Committee

9. The Third Committee recommends to the General Assembly the adoption of the following draft resolutions:

Draft resolution I
Migrant seafarers

The General Assembly,

Recalling its resolution 70/999,

1. Urges all States to protect migrant seafarers;

Draft resolution II
Migrant children

The General Assembly,

Noting the report of the Secretary-General,

1. Calls upon States to protect migrant children;

2. Requests the Secretary-General to report thereon.
"""
