"""Behaviour every search backend must show on the `catalogue` fixture. The database
tests call these always; the live suite calls them again against Elasticsearch."""

from search.params import SearchParams
from search.service import search, suggest


def names(results) -> list[str]:
    return [hit.name for hit in results.hits]


def check_without_diacritics_right_things_first(c) -> None:
    assert names(search(SearchParams(text="nuoc mam", type="product")))[0] == c.products["nuoc_mam"].name
    mat_ong = names(search(SearchParams(text="mat ong", type="product")))
    assert set(mat_ong[:2]) == {c.products["mat_ong"].name, c.products["mat_ong_hoa"].name}
    assert mat_ong[0] == c.products["mat_ong"].name  # 5★ and in stock before 3★ out of stock
    tra = names(search(SearchParams(text="tra", type="product")))
    assert set(tra[:2]) == {c.products["tra_shan"].name, c.products["tra_atiso"].name}
    stores = search(SearchParams(text="hop tac xa nuoc mam sa huynh", type="store"))
    assert names(stores) == [c.stores["sa_huynh"].name]
    everything = search(SearchParams(text="ong mat na hang"))
    assert (everything.hits[0].type, everything.hits[0].name) == ("store", c.stores["bac_ha"].name)


def check_exact_diacritics_rank_first(c) -> None:
    assert names(search(SearchParams(text="đậu", type="product"))) == [c.products["dau_phong"].name,
                                                                       c.products["dau_tram"].name]
    assert names(search(SearchParams(text="dầu", type="product"))) == [c.products["dau_tram"].name,
                                                                       c.products["dau_phong"].name]


def check_facets_narrow_and_add_up(c) -> None:
    everything = search(SearchParams(type="product"))
    assert everything.total == 9
    for name in ("group", "province", "price"):
        assert sum(f.count for f in everything.facets[name]) == everything.total, name
    assert {f.value: f.count for f in everything.facets["group"]} == {"thuc-pham": 6, "do-uong": 2, "thao-duoc": 1}
    assert {f.value: f.count for f in everything.facets["stars"]} == {"5": 1, "4": 2, "3": 2}
    assert {f.value: f.count for f in everything.facets["price"]} == {
        "0-100000": 5, "100000-300000": 2, "300000-500000": 2}
    drinks = search(SearchParams(type="product", group="do-uong"))
    assert drinks.total == 2
    assert sorted(names(drinks)) == sorted([c.products["tra_shan"].name, c.products["tra_atiso"].name])
    four = search(SearchParams(type="product", stars=4))
    assert sorted(names(four)) == sorted([c.products["nuoc_mam"].name, c.products["tra_shan"].name])
    cheap = search(SearchParams(type="product", text="mat ong", max_price=99_999))
    assert names(cheap) == [c.products["dau_tram"].name]  # sold by "Ong mật Na Hang"
    in_stock = search(SearchParams(type="product", text="mat ong", in_stock=True))
    assert names(in_stock) == [c.products["mat_ong"].name, c.products["dau_tram"].name]
    province = search(SearchParams(type="product", province=c.stores["da_lat"].province_code))
    assert province.total == 3


def check_sorts_and_pages(c) -> None:
    by_price = search(SearchParams(type="product", sort="price_asc", page_size=3))
    assert names(by_price) == [c.products["banh_trang"].name, c.products["dau_phong"].name,
                               c.products["mam_ruoc"].name]
    assert (by_price.total, by_price.pages) == (9, 3)
    last = search(SearchParams(type="product", sort="price_desc", page=3, page_size=4))
    assert names(last) == [c.products["banh_trang"].name]
    by_stars = search(SearchParams(type="product", sort="stars", page_size=1))
    assert names(by_stars) == [c.products["mat_ong"].name]


def check_empty_and_nonsense(c) -> None:
    nonsense = search(SearchParams(text="qwxzv"))
    assert (nonsense.total, nonsense.hits, nonsense.suggestion) == (0, [], "")
    typo = search(SearchParams(text="mat ongg", type="product"))
    assert typo.suggestion.startswith("mật ong") or typo.total > 0


def check_suggest(c) -> None:
    found = suggest("mat o")
    assert [s.text for s in found][:2] == [c.products["mat_ong"].name, c.products["mat_ong_hoa"].name]
    assert found[0].url == c.products["mat_ong"].get_absolute_url()
    assert suggest("qwxzv") == []


ALL = [check_without_diacritics_right_things_first, check_exact_diacritics_rank_first, check_facets_narrow_and_add_up,
       check_sorts_and_pages, check_empty_and_nonsense, check_suggest]
