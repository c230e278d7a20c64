"""Dates in the forms UN texts use, at the precision the text gives."""
import pytest

from graph.extract.dates import find_dates


@pytest.mark.parametrize("text, start, end, datatype", [
    ("New York, 20-21 November 2008", "2008-11-20", "2008-11-21", "date"),
    ("held in Manila from 27 to 30 October 2008.", "2008-10-27", "2008-10-30", "date"),
    ("in New York on 14 and 15 September 2006", "2006-09-14", "2006-09-15", "date"),
    ("from 23 February to 1 March 2008", "2008-02-23", "2008-03-01", "date"),
    ("from 30 December to 2 January 2009", "2008-12-30", "2009-01-02", "date"),
    ("took place in Bangkok in September 2008", "2008-09", "2008-09", "gYearMonth"),
    ("had been held in Brussels, Belgium, in 2007.", "2007", "2007", "gYear"),
    ("to be organized in Doha, Qatar, on 8 January 2009", "2009-01-08", "2009-01-08", "date"),
    ("on November 20-21, 2008", "2008-11-20", "2008-11-21", "date"),
])
def test_each_date_form_gives_start_end_and_precision(text, start, end, datatype):
    (d,) = find_dates(text)
    assert (d.start.lexical, d.end.lexical, d.start.datatype) == (start, end, datatype)
    assert text[d.char_start:d.char_end] == d.quote


def test_a_month_is_never_turned_into_a_guessed_day():
    (d,) = find_dates("in October 2008")
    assert d.start.datatype == "gYearMonth" and d.start.lexical == "2008-10"


def test_bare_numbers_and_reference_years_are_not_dates():
    assert find_dates("64 Member States had responded; see (2008a) and 2008/44") == []


def test_offsets_respect_start_and_end_window():
    text = "In 2005 a; from 9 to 11 July 2007 b"
    ds = find_dates(text, start=9)
    assert [d.quote for d in ds] == ["9 to 11 July 2007"]
