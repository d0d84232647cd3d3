"""Readers of ingest/tekst: plain text, saved HTML pages and PDF reports; garbage is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.tekst.lezen import Onleesbaar, lees_bytes, lees_document, taal_scores

ZIN = "Het Sociaal Team Noord werkt samen met Stichting Welzijn De Gouwe in de wijk Noord."


def maak_pdf(regels: list[str], *, gemaakt: str = "20240305120000") -> bytes:
    """A small valid PDF with one page of text (Helvetica), written by hand."""
    inhoud = (
        "BT /F1 11 Tf 72 760 Td 14 TL "
        + " ".join(
            "(" + r.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") Tj T*"
            for r in regels
        )
        + " ET"
    )
    stroom = inhoud.encode("latin-1")
    objecten = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stroom)).encode() + b" >>\nstream\n" + stroom + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /CreationDate (D:" + gemaakt.encode() + b") >>",
    ]
    uit = bytearray(b"%PDF-1.4\n")
    posities = []
    for n, obj in enumerate(objecten, start=1):
        posities.append(len(uit))
        uit += f"{n} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(uit)
    uit += f"xref\n0 {len(objecten) + 1}\n0000000000 65535 f \n".encode()
    for p in posities:
        uit += f"{p:010d} 00000 n \n".encode()
    uit += (
        f"trailer\n<< /Size {len(objecten) + 1} /Root 1 0 R /Info 6 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(uit)


def test_platte_tekst_met_datum_en_offsets(tmp_path: Path) -> None:
    pad = tmp_path / "evaluatie.txt"
    pad.write_text(f"Gouda, 12 maart 2024\r\n\r\n{ZIN}\r\n", encoding="utf-8")
    doc = lees_document(pad)
    assert doc.soort == "tekst" and doc.naam == "evaluatie.txt"
    assert doc.datum == "2024-03-12"
    begin = doc.tekst.index("Het Sociaal")
    assert doc.tekst[begin : begin + len(ZIN)] == ZIN
    assert "\r" not in doc.tekst


def test_windows_1252_wordt_gelezen() -> None:
    data = f"Financiën en {ZIN}".encode("cp1252")
    assert lees_bytes(data, "oud.txt").tekst.startswith("Financiën")


def test_html_alleen_hoofdtekst_en_datum() -> None:
    html = f"""<!DOCTYPE html><html><head><title>Over ons</title>
    <meta property="article:published_time" content="2025-06-01"></head><body>
    <nav><a href="/">Home</a> | <a href="/contact">Contact</a> | Menu Zoeken Inloggen</nav>
    <article><h1>Samenwerking in Noord</h1><p>{ZIN} Samen organiseren zij elke week een
    inloopspreekuur in het wijkcentrum, waar bewoners zonder afspraak binnen kunnen lopen
    met vragen over geld, wonen, opvoeding en gezondheid.</p>
    <p>De samenwerking is in 2024 gestart en wordt in 2025 voortgezet met steun van de
    gemeente en de vrijwilligers uit de buurt.</p></article>
    <footer>Cookiebeleid Privacyverklaring Nieuwsbrief Volg ons op sociale media</footer>
    </body></html>"""
    doc = lees_bytes(html.encode(), "samenwerking.html")
    assert doc.soort == "html"
    assert ZIN in doc.tekst
    assert "Cookiebeleid" not in doc.tekst and "Inloggen" not in doc.tekst
    assert doc.datum == "2025-06-01"


def test_pdf_tekst_en_datum() -> None:
    data = maak_pdf(["Jaarverslag Sociaal Team Noord", ZIN, "Dit is de tweede regel."])
    doc = lees_bytes(data, "jaarverslag.pdf")
    assert doc.soort == "pdf"
    assert ZIN in doc.tekst
    assert doc.datum == "2024-03-05"
    assert doc.paginas == (0,) and doc.pagina(doc.tekst.index(ZIN)) == 1


@pytest.mark.parametrize(
    ("data", "naam", "melding"),
    [
        (b"", "leeg.txt", "het bestand is leeg"),
        (b"   \n\n  ", "spaties.txt", "het bestand is leeg"),
        (bytes(range(256)) * 8, "foto.jpg", "binair bestand"),
        (
            b"The social team works closely with the local welfare organisation and the "
            b"library to support residents with debts and loneliness in the district.",
            "english.txt",
            "geen Nederlandse tekst (lijkt Engels)",
        ),
        (b"%PDF-1.4\n kapot", "kapot.pdf", "PDF"),
        (b"1234 5678 ... !!!", "cijfers.txt", "geen bruikbare tekst"),
    ],
)
def test_onzin_geeft_een_duidelijke_melding(data: bytes, naam: str, melding: str) -> None:
    with pytest.raises(Onleesbaar) as e:
        lees_bytes(data, naam)
    assert str(e.value).startswith(f"{naam}: ")
    assert melding in str(e.value)


def test_pdf_zonder_tekstlaag() -> None:
    with pytest.raises(Onleesbaar, match="geen tekstlaag"):
        lees_bytes(maak_pdf([]), "scan.pdf")


def test_taal_scores_nederlands_wint() -> None:
    s = taal_scores(ZIN)
    assert s["nl"] > max(s["en"], s["de"], s["fr"])
