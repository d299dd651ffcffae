"""A recording stand-in for the Elasticsearch client: enough of the API for the rebuild
and reconciliation code, with every call kept in order for the tests to compare as data."""


class FakeIndices:
    def __init__(self, es):
        self.es = es

    def create(self, *, index, settings, mappings):
        self.es.record("indices.create", index=index)
        self.es.docs[index] = {}
        self.es.bodies[index] = {"settings": settings, "mappings": mappings}

    def put_settings(self, *, index, settings):
        self.es.record("indices.put_settings", index=index, settings=settings)

    def refresh(self, *, index):
        self.es.record("indices.refresh", index=index)

    def exists(self, *, index):
        self.es.record("indices.exists", index=index)
        return index in self.es.docs

    def exists_alias(self, *, name):
        self.es.record("indices.exists_alias", name=name)
        return name in self.es.aliases

    def get_alias(self, *, name):
        self.es.record("indices.get_alias", name=name)
        return {index: {"aliases": {name: {}}} for index in self.es.aliases[name]}

    def update_aliases(self, *, actions):
        self.es.record("indices.update_aliases", actions=actions)
        for action in actions:  # applied all together, as Elasticsearch does
            (kind, spec), = action.items()
            if kind == "remove":
                self.es.aliases[spec["alias"]].remove(spec["index"])
            elif kind == "add":
                self.es.aliases.setdefault(spec["alias"], []).append(spec["index"])
            elif kind == "remove_index":
                del self.es.docs[spec["index"]]

    def delete(self, *, index):
        self.es.record("indices.delete", index=index)
        del self.es.docs[index]


class FakeElasticsearch:
    def __init__(self, fail_bulk_after: int | None = None):
        self.calls: list[tuple] = []
        self.docs: dict[str, dict[int, dict]] = {}
        self.bodies: dict[str, dict] = {}
        self.aliases: dict[str, list[str]] = {}
        self.indices = FakeIndices(self)
        self.fail_bulk_after = fail_bulk_after
        self.alias_checks: list[tuple[str, int]] = []  # (call, docs behind each alias) after each call

    def record(self, call, **kwargs):
        self.calls.append((call, kwargs))

    def resolve(self, name: str) -> str:
        targets = self.aliases.get(name)
        if targets:
            assert len(targets) == 1, f"alias {name} points at {targets}"
            return targets[0]
        return name

    def bulk(self, *, operations, require_alias=False):
        self.record("bulk", operations=operations)
        if self.fail_bulk_after is not None and sum(c[0] == "bulk" for c in self.calls) > self.fail_bulk_after:
            raise ConnectionError("cluster went away")
        items, i = [], 0
        while i < len(operations):
            (action, meta), = operations[i].items()
            index = self.resolve(meta["_index"])
            if action == "index":
                self.docs[index][int(meta["_id"])] = operations[i + 1]
                i += 2
            else:
                self.docs[index].pop(int(meta["_id"]), None)
                i += 1
            items.append({action: {"status": 200}})
        return {"errors": False, "items": items}

    def search(self, *, index, body):
        self.record("search", index=index, body=body)
        docs = self.docs[self.resolve(index)]
        after = (body.get("search_after") or [0])[0]
        ids = sorted(i for i in docs if i > after)[: body.get("size", 10)]
        return {"hits": {"total": {"value": len(docs), "relation": "eq"}, "hits": [
            {"_id": str(i), "_source": {k: docs[i].get(k) for k in body["_source"]}, "sort": [i]} for i in ids]}}

    def call_names(self) -> list[str]:
        return [name for name, _kwargs in self.calls]
