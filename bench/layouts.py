"""The same text in other layouts: hard-wrapped, CRLF, NBSP, and a justified PDF.

The layouts users hand migkg are rarely one paragraph per line. This module renders a
text in the layouts the layout-invariance tests and the layout benchmark compare:

    python -m bench.layouts IN.txt OUTDIR            # IN-w78.txt, IN-crlf.txt, IN-nbsp.txt, IN.pdf
    python -m bench.layouts manifest.yaml OUTDIR     # every text of a score_set manifest, and a
                                                     # manifest per layout beside them

The PDF is made with reportlab (a test dependency): A4, justified paragraphs, a running
header on every page and a page number in the footer, as reports are printed.
"""
from __future__ import annotations

import argparse
import re
import sys
import textwrap
from pathlib import Path


def paragraphs(text: str) -> list[str]:
    """The text's lines, each taken as one paragraph (blank lines kept as empty strings)."""
    return text.replace("\r\n", "\n").split("\n")


def blocks(text: str) -> list[tuple[str, str]]:
    """(indentation, paragraph) for each paragraph of the text, ("", "") for a blank line.

    A text whose lines are paragraphs gives its lines; a text already wrapped (most lines at most
    100 columns) is unwrapped first: a long line of prose goes on onto the next line of prose."""
    lines = paragraphs(text)
    lengths = sorted(len(ln) for ln in lines if ln.strip())
    full = lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0
    wrapped = 0 < full <= 100
    groups: list[list[str]] = []
    for line in lines:
        prev = groups[-1][-1] if groups and groups[-1] else ""
        if wrapped and len(prev) >= 0.6 * full and re.search("[a-z]", prev) and re.search("[a-z]", line):
            groups[-1].append(line)
        else:
            groups.append([line] if line.strip() else [])
    return [(re.match(r"[ \t]*", g[0]).group(0), " ".join(ln.strip() for ln in g)) if g else ("", "")
            for g in groups]


def rewrap(text: str, width: int) -> str:
    """The text hard-wrapped at `width` columns (words are never split), as a plain-text dump is."""
    out = []
    for indent, body in blocks(text):
        out.append(textwrap.fill(body, width, initial_indent=indent, subsequent_indent=indent,
                                 break_long_words=False, break_on_hyphens=False, expand_tabs=False,
                                 replace_whitespace=False) if body else "")
    return "\n".join(out)


def crlf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def nbsp(text: str) -> str:
    """Every other space a no-break space (as text pasted from a web page or a word processor has)."""
    n = 0

    def swap(m: re.Match) -> str:
        nonlocal n
        n += 1
        return "\u00a0" if n % 2 else " "

    return re.sub(r" ", swap, text)


def to_pdf(text: str, path: Path, header: str | None = None) -> None:
    """`text` as an A4 PDF: justified paragraphs, a running header, page numbers."""
    from xml.sax.saxutils import escape

    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    header = header or next((ln.strip() for ln in paragraphs(text) if ln.strip()), "")[:70]
    font = _serif_font()
    body = ParagraphStyle("body", fontName=font, fontSize=11, leading=13.5, alignment=TA_JUSTIFY,
                          spaceAfter=6)

    def furniture(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(font, 9)
        canvas.drawString(2.5 * cm, A4[1] - 1.5 * cm, header)
        canvas.drawCentredString(A4[0] / 2, 1.5 * cm, f"- {doc.page} -")
        canvas.restoreState()

    story = []
    for _, para in blocks(text):
        if para:
            story.append(Paragraph(escape(para), body))
        else:
            story.append(Spacer(1, 4))
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=2.5 * cm, rightMargin=2.5 * cm,
                            topMargin=2.5 * cm, bottomMargin=2.5 * cm, title=header,
                            invariant=1)  # invariant: the same text gives the same bytes
    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)


# "pdf" in a manifest is the PDF's text as migkg reads it (a scorer checks quotes against text)
def _serif_font() -> str:
    """DejaVu Serif where the machine has it (bullets, accents and other letters a report holds),
    else the PDF standard Times-Roman."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    path = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
    if not path.exists():
        return "Times-Roman"
    if "DejaVuSerif" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSerif", str(path)))
    return "DejaVuSerif"


LAYOUTS = ("w78", "crlf", "nbsp", "pdf")


def write_variants(src: Path, out: Path) -> dict[str, Path]:
    """Every layout of `src` into `out`; returns layout name -> file."""
    text = src.read_text(encoding="utf-8")
    out.mkdir(parents=True, exist_ok=True)
    files = {"w78": out / f"{src.stem}-w78.txt", "crlf": out / f"{src.stem}-crlf.txt",
             "nbsp": out / f"{src.stem}-nbsp.txt", "pdf": out / f"{src.stem}-pdf.txt"}
    files["w78"].write_text(rewrap(text, 78), encoding="utf-8")
    files["crlf"].write_bytes(crlf(text).encode("utf-8"))
    files["nbsp"].write_text(nbsp(text), encoding="utf-8")
    pdf = out / f"{src.stem}.pdf"
    to_pdf(text, pdf)
    from graph.ingest import read_text

    files["pdf"].write_text(read_text(pdf), encoding="utf-8")
    return files


def write_manifest_variants(manifest: Path, out: Path) -> dict[str, Path]:
    """Each text of a score_set manifest in every layout, and one manifest per layout."""
    import yaml

    data = yaml.safe_load(manifest.read_text(encoding="utf-8"))
    base = manifest.parent
    manifests: dict[str, dict] = {name: {"single": [], "resolutions": []} for name in LAYOUTS}
    for item in data.get("single", []):
        files = write_variants(base / item["text"], out / "texts")
        for name in LAYOUTS:
            manifests[name]["single"].append({"text": str(files[name].resolve()),
                                              "gold": str((base / item["gold"]).resolve())})
    for item in data.get("resolutions", []):
        per = [write_variants(base / t, out / "texts") for t in item["texts"]]
        for name in LAYOUTS:
            manifests[name]["resolutions"].append({"texts": [str(f[name].resolve()) for f in per],
                                                   "gold": str((base / item["gold"]).resolve())})
    written = {}
    for name, m in manifests.items():
        written[name] = out / f"manifest-{name}.yaml"
        written[name].write_text(yaml.safe_dump(m, sort_keys=False), encoding="utf-8")
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", type=Path, help="a .txt file, or a score_set manifest (.yaml)")
    ap.add_argument("out", type=Path)
    args = ap.parse_args(argv)
    if args.source.suffix in (".yaml", ".yml"):
        written = write_manifest_variants(args.source, args.out)
    else:
        written = write_variants(args.source, args.out)
    for name, path in written.items():
        print(f"{name}\t{path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
