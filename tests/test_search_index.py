from types import SimpleNamespace

from lunr.index import Index

from conftest import FIXTURES
from generator.catalog.load import load_catalog
from generator.pages.relations import relate
from generator.search.index import SearchDoc, SynonymExpander, build_index, catalog_docs, search_text


def test_search_text_is_folded_words():
    assert search_text("Thủ tục ĐĂNG KÝ (khai sinh), mã 1.001193") == "thu tuc dang ky khai sinh ma 1 001193"
    assert search_text("Hoà bình / hòa bình") == "hoa binh hoa binh"


def test_synonyms_add_popular_names_to_texts_with_the_official_phrase():
    expand = SynonymExpander([SimpleNamespace(words=("sổ đỏ", "Sổ hồng"), means="giấy chứng nhận quyền sử dụng đất"),
                              SimpleNamespace(words=("CCCD",), means="căn cước")])
    assert expand("Cấp đổi Giấy chứng nhận quyền sử dụng đất") == "so do so hong"
    assert expand("Cấp lại thẻ Căn cước") == "cccd"
    assert expand("Cấp căn cứ") == ""


def _lunr_json(transport: dict) -> dict:
    """What congkhai.js does in the browser, in Python: the transport back into lunr's serialized form."""
    fields, inverted, vectors = transport["fields"], [], []
    for position, term in enumerate(transport["terms"]):
        inverted.append([term, {"_index": position, **{f: {} for f in fields}}])
    for field in fields:
        for row in transport["postings"][field]:
            doc = 0
            for gap in row[1:]:
                doc += gap
                inverted[row[0]][1][field][str(doc)] = {}
        for ref, vector in enumerate(transport["vectors"][field]):
            if vector:
                vectors.append([f"{field}/{ref}", vector])
    return {"version": "2.3.9", "fields": fields, "fieldVectors": vectors, "invertedIndex": inverted, "pipeline": []}


def test_transport_expands_to_an_index_that_answers_like_lunr():
    catalog = load_catalog(FIXTURES / "mini")
    docs = catalog_docs(catalog, relate(catalog, "2026-01-01"))
    data = build_index(docs, catalog.synonyms)
    index = Index.load(_lunr_json(data["lunr"]))
    titles = [data["docs"][int(r["ref"])][2] for r in index.search("khai sinh")]
    assert titles[0] == "Thủ tục đăng ký khai sinh"
    assert "2.000815" in [data["docs"][int(r["ref"])][3] for r in index.search("chung thuc")][:3]


def test_store_holds_what_a_result_shows():
    catalog = load_catalog(FIXTURES / "mini")
    data = build_index(catalog_docs(catalog, relate(catalog, "2026-01-01")))
    kind, url, title, code, field, unit, level = next(d for d in data["docs"] if d[3] == "1.001193")
    labels = data["labels"]
    assert (kind, url, title) == ("tt", "thu-tuc/1.001193/", "Thủ tục đăng ký khai sinh")
    assert (labels[field], labels[unit], labels[level]) == ("Hộ tịch", "Ủy ban nhân dân cấp xã", "cấp xã")
    assert not any(d[3] == "2.000001" for d in data["docs"]), "replaced procedures are not searchable"


def test_pages_are_documents_too():
    doc = SearchDoc("tr", "gioi-thieu/", "Giới thiệu")
    data = build_index([doc])
    assert data["docs"] == [["tr", "gioi-thieu/", "Giới thiệu", "", 0, 0, 0]]


def _lunr_builder_transport(rows: list[dict]) -> dict:
    """The reference: lunr.py's own builder over the same rows, in the transport form."""
    from lunr.builder import Builder

    from generator.search.index import FIELDS

    builder = Builder()
    builder.pipeline.reset()
    builder.search_pipeline.reset()
    builder.ref("id")
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    for number, row in enumerate(rows):
        builder.add({"id": str(number), **row})
    serialized = builder.build().serialize()
    fields, entries = serialized["fields"], serialized["invertedIndex"]
    renumber = {posting["_index"]: position for position, (_, posting) in enumerate(entries)}
    postings = {name: [] for name in fields}
    for position, (_, posting) in enumerate(entries):
        for name in fields:
            if posting[name]:
                docs = sorted(int(ref) for ref in posting[name])
                postings[name].append([position, *[b - a for a, b in zip([0, *docs], docs)]])
    vectors = {name: [None] * len(rows) for name in fields}
    for key, values in serialized["fieldVectors"]:
        name, ref = key.split("/", 1)
        pairs = sorted((renumber[values[i]], values[i + 1]) for i in range(0, len(values), 2))
        vectors[name][int(ref)] = [x for pair in pairs for x in pair]
    return {"fields": fields, "terms": [term for term, _ in entries], "postings": postings, "vectors": vectors}


def test_our_index_is_lunrs_to_the_last_digit(tmp_path):
    from conftest import ROOT
    from generator.search.index import lunr_transport
    from generator.cli.synthetic import write_catalog

    write_catalog(tmp_path / "synthetic", procedures=600)
    for folder in (ROOT / "catalog", tmp_path / "synthetic"):
        catalog = load_catalog(folder)
        docs = catalog_docs(catalog, relate(catalog, "2026-11-01"))
        rows = [{"name": search_text(d.title), "alias": search_text(d.alias), "meta": search_text(d.meta)} for d in docs]
        assert lunr_transport(rows) == _lunr_builder_transport(rows), folder
    rows = [{"name": "a a b", "alias": "", "meta": "b"}, {"name": "", "alias": "a", "meta": ""}]  # empty fields, repeats
    assert lunr_transport(rows) == _lunr_builder_transport(rows)
