"""One outlet is one Source whether a text names it or gives only its web address, while two
outlets that share a site stay apart."""

from articles.models import Source
from articles.store import source_named


def test_a_site_known_by_its_address_gets_its_name_when_a_text_gives_it(db):
    by_address = source_named("harbourherald.example", "harbourherald.example")
    named = source_named("Harbour Herald", "harbourherald.example")
    assert named.pk == by_address.pk
    assert Source.objects.get().name == "Harbour Herald"


def test_a_text_giving_only_the_address_of_a_named_outlet_is_that_outlet(db):
    named = source_named("Harbour Herald", "harbourherald.example")
    assert source_named("harbourherald.example", "harbourherald.example").pk == named.pk
    assert Source.objects.count() == 1


def test_two_named_outlets_of_one_site_stay_apart(db):
    news = source_named("Coast News", "coast.example")
    sport = source_named("Coast Sport", "coast.example")
    assert news.pk != sport.pk
    assert source_named("Coast News").pk == news.pk
