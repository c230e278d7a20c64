"""Event output that would be noise: a country the text never names, a dangling alias."""
from graph import refs
from graph.extract import events
from tests.event_lexicon import arnor_lexicon, make_doc


def run(text):
    x = events.extract(make_doc(text), arnor_lexicon())
    for item in [*x.mentions, *x.attributes, *x.relations]:
        assert text[item.evidence.start:item.evidence.end] == item.evidence.quote
    return x


def test_a_city_alone_gives_no_country_node_the_text_never_names():
    x = run("The Arnor Regional Meeting on Migration was held in Minas Tirith from 3 to 5 May 2008.")
    assert refs.city("Minas Tirith") in {m.ref for m in x.mentions}
    assert refs.country("GON") not in {m.ref for m in x.mentions}
    assert not [r for r in x.relations if r.prop == "locatedIn"]


def test_a_city_whose_country_the_text_names_elsewhere_is_located_in_it():
    x = run("Delegates came from Gondor. The Arnor Regional Meeting on Migration was held in Minas Tirith "
            "from 3 to 5 May 2008.")
    assert (refs.city("Minas Tirith"), refs.country("GON")) in {(r.subject, r.object) for r in x.relations
                                                                 if r.prop == "locatedIn"}


def test_an_edition_with_no_series_name_has_no_dangling_alias():
    x = run("Resolution 12/34. Tides\n\nThe Assembly decides to act.\n\n61st plenary meeting\n20 December 2031\n")
    names = {n for m in x.mentions if m.ref.startswith("event:") for n in (m.label, *m.aliases)}
    assert not any(n.rstrip().endswith((" of the", " of")) for n in names)


def test_an_edition_alias_is_never_a_bare_ordinal_or_starts_with_a_possessive():
    x = run("Recalling its sixty-first plenary meeting of 20 December 2031, the Assembly decides to act.")
    names = {n for m in x.mentions if m.ref.startswith("event:") for n in (m.label, *m.aliases)}
    assert names and not any(len(n.split()) == 1 or n.lower().startswith("its ") for n in names)


def test_an_organization_named_with_an_event_word_is_not_an_event():
    x = run("The Plan was adopted by the Leaders of the Arnor Islands Forum in 2005. "
            "The Arnor Islands Forum Secretariat presented it.")
    assert not [m for m in x.mentions if m.ref.startswith("event:")]


def test_a_participle_after_a_plural_noun_ends_no_event_name():
    from graph.extract.event_identity import norm_name

    assert norm_name("Annual workshop for Arnorian officials working") == "Annual workshop for Arnorian officials"
    assert norm_name("Workshop on capacity building") == "Workshop on capacity building"
