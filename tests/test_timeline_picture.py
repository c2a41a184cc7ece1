"""The timeline picture keeps a lane for the outlets that carry most of the page's claims and
says how many it leaves out, so a story told by many outlets stays readable."""

from datetime import date
from types import SimpleNamespace

from claims.picture import MAX_LANES, timeline_picture
from claims.positions import OutletPosition


def claim_carried_by(number, outlets):
    positions = [
        OutletPosition(
            claim_id=number,
            source_id=index + 1,
            article_id=None,
            outlet=name,
            stances={"repeats"},
            mentions=1,
            first_published=date(2024, 3, 1 + index % 20),
        )
        for index, name in enumerate(outlets)
    ]
    return SimpleNamespace(pk=number, text=f"Claim {number}", positions=positions)


def test_only_the_outlets_carrying_most_claims_get_a_lane():
    many = [f"Outlet {n:02}" for n in range(MAX_LANES + 5)]
    claims = [claim_carried_by(1, many), claim_carried_by(2, many[:MAX_LANES])]

    picture = timeline_picture(claims)

    assert [lane.outlet for lane in picture.lanes] == many[:MAX_LANES]
    assert picture.other_outlets == 5
    assert {mark.outlet for mark in picture.marks} == set(many[:MAX_LANES])


def test_a_picture_of_few_outlets_leaves_none_out():
    picture = timeline_picture([claim_carried_by(1, ["Herald", "Gazette"])])
    assert [lane.outlet for lane in picture.lanes] == ["Herald", "Gazette"]
    assert picture.other_outlets == 0
