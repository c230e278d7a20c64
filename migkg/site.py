"""`migkg site`: the server's pages as static files, for any web host.

Layout (the same paths the server answers, so links and the 303 rules agree):

    index.html                 home: sources, entities by type, machine-readable links
    type/{Class}.html          index of one type
    doc/{kind}/{slug}.html     one page per entity (plus .ttl, .jsonld and .nt)
    ontology.html|.ttl|.jsonld the ontology
    void.html|.ttl|.jsonld     VoID + DCAT dataset description
    download/graph.*           the full dumps
    graph.html, timeline.html  the build's network and timeline, their panels linked to doc/
    id/{kind}/{slug}.html      for hosts without rewrite rules that serve /id/X from id/X.html
                               (GitHub Pages, Netlify): a page that forwards to doc/X.html
    .htaccess, nginx.conf.example   content negotiation: /id/X -> 303 -> /doc/X.{html,ttl,jsonld}
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from migkg import catalog, network, pages, results
from migkg.dataset import void_triples
from migkg.describe import describe
from migkg.store import LoadedGraph, load

DUMPS = ("graph.ttl", "graph.nt", "graph.jsonld")

HTACCESS = """\
# Content negotiation for the migkg linked-data site (Apache 2.4: mod_rewrite, mod_headers).
# Entity IRIs {base}X answer 303 See Other to the description doc/X.{{html,ttl,jsonld}}.
# Point {base} at this folder's id/ (for w3id.org: a redirect from {base} to https://YOUR-HOST/id/).
# If the site lives below a sub-path, set RewriteBase to it.
Options -MultiViews
AddType text/turtle .ttl
AddType application/ld+json .jsonld
AddType application/n-triples .nt
AddCharset utf-8 .ttl .html
RewriteEngine On
RewriteBase /

RewriteCond %{{HTTP_ACCEPT}} text/turtle
RewriteRule ^id/(.+)$ doc/$1.ttl [R=303,L]
RewriteCond %{{HTTP_ACCEPT}} application/ld\\+json
RewriteRule ^id/(.+)$ doc/$1.jsonld [R=303,L]
RewriteCond %{{HTTP_ACCEPT}} application/n-triples
RewriteRule ^id/(.+)$ doc/$1.nt [R=303,L]
RewriteRule ^id/(.+)$ doc/$1.html [R=303,L]

RewriteCond %{{HTTP_ACCEPT}} text/turtle
RewriteRule ^ontology$ ontology.ttl [R=303,L]
RewriteCond %{{HTTP_ACCEPT}} application/ld\\+json
RewriteRule ^ontology$ ontology.jsonld [R=303,L]
RewriteRule ^ontology$ ontology.html [R=303,L]

<IfModule mod_headers.c>
  Header append Vary Accept
  Header set X-Content-Type-Options nosniff
  Header set Content-Security-Policy "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
  Header set Referrer-Policy no-referrer
  # the network and timeline pages run their own inline script (and fetch nothing)
  <FilesMatch "^(graph|timeline)\\.html$">
    Header set Content-Security-Policy "{csp}"
  </FilesMatch>
</IfModule>
"""

NGINX = """\
# Content negotiation for the migkg linked-data site (nginx). Put the map in the http block,
# the locations in the server block whose root is this folder.
map $http_accept $migkg_ext {{
    default                 html;
    ~text/turtle            ttl;
    ~application/ld\\+json   jsonld;
    ~application/n-triples  nt;
}}

server {{
    # root /srv/migkg-site;
    types {{ text/html html; text/turtle ttl; application/ld+json jsonld; application/n-triples nt; }}
    charset utf-8;
    charset_types text/turtle;
    # The pages run no script and load nothing from elsewhere (each also carries this policy as a meta tag).
    add_header Content-Security-Policy "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'" always;
    add_header X-Content-Type-Options nosniff always;
    add_header Referrer-Policy no-referrer always;

    # {base}X  ->  303  ->  /doc/X.{{html,ttl,jsonld}}
    location ~ ^/id/(.+)$ {{
        add_header Vary Accept;
        return 303 /doc/$1.$migkg_ext;
    }}
    location = /ontology {{
        add_header Vary Accept;
        return 303 /ontology.$migkg_ext;
    }}
}}
"""


@dataclass(frozen=True)
class SiteSummary:
    out: Path
    entities: int
    files: int


def entity_iris(graph: LoadedGraph) -> list[str]:
    """Every IRI under the base that the graph mentions, as subject or object."""
    base = graph.base_iri
    seen: set[str] = set()
    for quad in graph.store.quads_for_pattern(None, None, None):
        for term in (quad.subject, quad.object):
            if type(term).__name__ == "NamedNode" and term.value.startswith(base) and len(term.value) > len(base):
                seen.add(term.value)
    return sorted(seen)


def write_site(source: str | Path, out: str | Path, base_iri: str | None = None,
               site_url: str | None = None, sparql_url: str | None = None) -> SiteSummary:
    """Write the static site for a graph (build directory or file) into `out`.

    `site_url` is where the site will be reachable (used for absolute links in the
    VoID description); by default the base IRI minus a trailing `id/`.
    """
    graph = load(source, base_iri=base_iri)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    site_url = site_url or default_site_url(graph.base_iri)
    if not site_url.endswith("/"):
        site_url += "/"
    files = 0

    def write(rel: str, data: str | bytes) -> None:
        nonlocal files
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        files += 1

    dumps = []
    for name in DUMPS:
        if graph.directory is not None and (graph.directory / name).is_file():
            (out / "download").mkdir(exist_ok=True)
            shutil.copyfile(graph.directory / name, out / "download" / name)
            files += 1
            dumps.append(name)

    for name in network.available(graph.directory):  # the build's network and timeline, linked to doc/
        write(name, network.read_published(graph.directory, name))  # type: ignore[arg-type]

    types = catalog.types(graph)
    write("index.html", pages.index_page(graph, types, catalog.documents(graph),
                                         catalog.entity_count(graph), dumps))
    for type_iri, _n in types:
        members, more = catalog.members(graph, type_iri)
        write(f"type/{pages.type_slug(type_iri.value, graph)}.html",
              pages.type_page(graph, type_iri, members, more))

    iris = entity_iris(graph)
    linker = pages.Linker(graph, "")
    for iri in iris:
        d = describe(graph.store, iri)
        if d is None:
            continue
        stem = linker.doc_path(iri, "")[: -1]  # "doc/kind/slug"
        write(f"{stem}.html", pages.entity_page(graph, d))
        triples = d.triples()
        write(f"{stem}.ttl", results.graph_bytes(triples, "turtle", graph.prefixes))
        write(f"{stem}.jsonld", results.graph_bytes(triples, "jsonld", graph.prefixes))
        write(f"{stem}.nt", results.graph_bytes(triples, "ntriples", graph.prefixes))
        write("id/" + stem[len("doc/"):] + ".html", forwarding_page(stem, d.label or iri))

    void = void_triples(graph, site_url, sparql_url, dumps)
    write("void.ttl", results.graph_bytes(void, "turtle", graph.prefixes))
    write("void.jsonld", results.graph_bytes(void, "jsonld", graph.prefixes))
    write("void.html", pages.dataset_page(graph, void))

    if graph.ontology is not None:
        write("ontology.html", pages.ontology_page(graph, "migkg ontology", catalog.ontology_iri(graph),
                                                   catalog.ontology_sections(graph)))
        onto = [q.triple for q in graph.ontology.quads_for_pattern(None, None, None)]
        if graph.ontology_source is not None and graph.ontology_source.suffix == ".ttl":
            write("ontology.ttl", graph.ontology_source.read_bytes())
        else:
            write("ontology.ttl", results.graph_bytes(onto, "turtle", graph.prefixes))
        write("ontology.jsonld", results.graph_bytes(onto, "jsonld", graph.prefixes))

    write(".htaccess", HTACCESS.format(base=graph.base_iri, csp=network.CONTENT_SECURITY_POLICY))
    write("nginx.conf.example", NGINX.format(base=graph.base_iri))
    return SiteSummary(out=out, entities=len(iris), files=files)


def forwarding_page(stem: str, title: str) -> str:
    """id/X.html: sends a browser on to doc/X.html (relative, so any mount point works)."""
    from html import escape

    target = "../" * stem.count("/") + stem  # from id/kind/slug.html back to the root
    href = escape(target + ".html")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{pages.CSP}">'
        f"<title>{escape(pages.without_bidi(title))}</title>"
        f'<meta http-equiv="refresh" content="0; url={href}">'
        f'<link rel="canonical" href="{href}">'
        f'<link rel="alternate" type="text/turtle" href="{escape(target)}.ttl">'
        f'<link rel="alternate" type="application/ld+json" href="{escape(target)}.jsonld">'
        f'</head><body><p><a href="{href}">{pages.isolate(title)}</a></p></body></html>\n'
    )


def default_site_url(base_iri: str) -> str:
    """`https://w3id.org/migkg/id/` -> `https://w3id.org/migkg/`: the site root above /id/."""
    return base_iri[: -len("id/")] if base_iri.endswith("/id/") else base_iri
