"""Readers: a file (plain text, a saved HTML page or a PDF report) into one :class:`Document`.

Every reader gives the same thing: the document's name, its text, its date when the document
says so, and the text that all character offsets (``begin``/``eind`` of mentions and proposals)
refer to. That text is what the reader extracted, normalised once:

- plain text: decoded (UTF-8, else Windows-1252), line endings ``\\n``;
- HTML: the main text only (navigation, menus, footers and cookie banners removed) by
  trafilatura, its date from the page's metadata (htmldate); the page's own address when the
  saved page names it;
- PDF: the text of every page by pypdf, pages separated by a blank line, words broken over a
  line end joined again, lines within a paragraph joined with a space; the date from the PDF's
  metadata, else from the first page.

Input that is no usable Dutch text raises :class:`Onleesbaar` with a clear reason: an empty
file, a binary file, a PDF without a text layer, a text in another language.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from netwerk.fouten import OngeldigeInvoer

#: Extensions read as HTML (anything else that does not start like HTML or PDF is plain text).
HTML_EXTENSIES = (".html", ".htm", ".xhtml", ".shtml", ".mhtml")
#: Fewer letters than this is too little text to say anything about.
MIN_LETTERS = 20


class Onleesbaar(OngeldigeInvoer):
    """A document that cannot be used as a source: empty, binary, no text, not Dutch."""


@dataclass(frozen=True)
class Document:
    """One read document; offsets of everything found in it refer to ``tekst``."""

    naam: str
    tekst: str
    soort: str  # "tekst", "html" or "pdf"
    datum: str | None = None
    adres: str | None = None  # the page's URL, when a saved page names it
    #: Offsets where each PDF page starts in ``tekst`` (empty for other kinds).
    paginas: tuple[int, ...] = field(default=())

    @property
    def inhoud_hash(self) -> str:
        """SHA-256 of the text: the same text gives the same proposals, whatever the file."""
        return hashlib.sha256(self.tekst.encode("utf-8")).hexdigest()

    def pagina(self, offset: int) -> int | None:
        """The 1-based PDF page an offset lies on (None for other documents)."""
        if not self.paginas:
            return None
        return sum(1 for p in self.paginas if p <= offset) or 1


def lees_document(pad: str | Path) -> Document:
    """Read one file into a :class:`Document`, choosing the reader by content and extension.

    Raises :class:`Onleesbaar` for input that is no usable Dutch text.
    """
    pad = Path(pad)
    try:
        data = pad.read_bytes()
    except OSError as e:
        raise Onleesbaar(f"{pad.name}: kan niet gelezen worden: {e.strerror}") from e
    return lees_bytes(data, pad.name)


def lees_bytes(data: bytes, naam: str) -> Document:
    """Read the bytes of a file named ``naam`` (see :func:`lees_document`)."""
    if not data.strip():
        raise Onleesbaar(f"{naam}: het bestand is leeg")
    begin = data[:1024].lstrip().lower()
    if data.startswith(b"%PDF-"):
        doc = _lees_pdf(data, naam)
    elif Path(naam).suffix.lower() in HTML_EXTENSIES or begin.startswith(
        (b"<!doctype html", b"<html", b"<?xml", b"<!-- saved from")
    ):
        doc = _lees_html(_decodeer(data, naam), naam)
    else:
        tekst = _decodeer(data, naam)
        doc = Document(naam, tekst, "tekst", datum=_datum_uit_tekst(tekst[:1500]))
    controleer_taal(doc.tekst, naam)
    return doc


# --- decoding and checks --------------------------------------------------------------------


def _decodeer(data: bytes, naam: str) -> str:
    if b"\x00" in data[:8192]:
        raise Onleesbaar(f"{naam}: binair bestand; geef platte tekst, een HTML-pagina of een PDF")
    try:
        tekst = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        tekst = data.decode("cp1252", errors="replace")
    stuur = sum(1 for c in tekst if unicodedata.category(c) == "Cc" and c not in "\n\r\t\f")
    if stuur > max(2, len(tekst) // 100) or tekst.count("\ufffd") > len(tekst) // 100 + 2:
        raise Onleesbaar(f"{naam}: binair bestand; geef platte tekst, een HTML-pagina of een PDF")
    return tekst.replace("\r\n", "\n").replace("\r", "\n")


#: Frequent function words per language; Dutch must win clearly for a text to be read.
_FUNCTIEWOORDEN = {
    "nl": set(
        "de het een en van in is op met voor niet zijn te dat die er ook naar bij wordt worden "
        "door aan om als of nog maar wij we ze zij hun deze dit wat uit over kan zich heeft "
        "hebben onze waar tot wel geen meer veel moet werkt samen".split()
    ),
    "en": set(
        "the and of to is in with for not are that this be by on as it from at or which have has "
        "their they we our an will can more also work works".split()
    ),
    "de": set(
        "der die das und ist nicht mit für ein eine auf den dem des zu sich von wir sie auch "
        "werden wird sind im bei oder nach über".split()
    ),
    "fr": set(
        "le la les et est des une un pour dans avec que qui du au ne pas sur par nous sont "
        "aux ce cette".split()
    ),
}
_WOORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def taal_scores(tekst: str) -> dict[str, float]:
    """Share of the words of ``tekst`` that are function words of each language.

    >>> s = taal_scores("Het buurtteam werkt samen met de bibliotheek in de wijk.")
    >>> max(s, key=s.get)
    'nl'
    """
    woorden = [w.lower() for w in _WOORD.findall(tekst[:20000])]
    if not woorden:
        return {taal: 0.0 for taal in _FUNCTIEWOORDEN}
    return {
        taal: sum(1 for w in woorden if w in lijst) / len(woorden)
        for taal, lijst in _FUNCTIEWOORDEN.items()
    }


_TALEN = {"en": "Engels", "de": "Duits", "fr": "Frans"}


def controleer_taal(tekst: str, naam: str) -> None:
    """Raise :class:`Onleesbaar` unless ``tekst`` has enough words and reads as Dutch."""
    letters = sum(1 for c in tekst if c.isalpha())
    if letters < MIN_LETTERS:
        raise Onleesbaar(f"{naam}: bevat geen bruikbare tekst ({letters} letters)")
    scores = taal_scores(tekst)
    nl = scores.pop("nl")
    andere, beste = max(((v, k) for k, v in scores.items()), default=(0.0, ""))
    if nl < 0.08 or nl <= andere:
        taal = f" (lijkt {_TALEN[beste]})" if andere > nl and beste else ""
        raise Onleesbaar(f"{naam}: geen Nederlandse tekst{taal}; alleen Nederlands wordt gelezen")


# --- dates ----------------------------------------------------------------------------------

_MAANDNAMEN = (
    "januari februari maart april mei juni juli augustus september oktober november december"
)
MAANDEN = {m: i for i, m in enumerate(_MAANDNAMEN.split(), start=1)}
_DATUM_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DATUM_NL = re.compile(r"\b(\d{1,2})\s+(" + "|".join(MAANDEN) + r")\s+(\d{4})\b", re.IGNORECASE)
_DATUM_CIJFERS = re.compile(r"\b(\d{1,2})-(\d{1,2})-(\d{4})\b")


def _datum_uit_tekst(tekst: str) -> str | None:
    """The first date written in ``tekst`` (ISO, ``12 maart 2024`` or ``12-03-2024``).

    >>> _datum_uit_tekst("Gouda, 5 maart 2024. Jaarverslag")
    '2024-03-05'
    """
    kandidaten = []
    for m in _DATUM_ISO.finditer(tekst):
        kandidaten.append((m.start(), int(m[1]), int(m[2]), int(m[3])))
    for m in _DATUM_NL.finditer(tekst):
        kandidaten.append((m.start(), int(m[3]), MAANDEN[m[2].lower()], int(m[1])))
    for m in _DATUM_CIJFERS.finditer(tekst):
        kandidaten.append((m.start(), int(m[3]), int(m[2]), int(m[1])))
    for _, j, mnd, d in sorted(kandidaten):
        try:
            return dt.date(j, mnd, d).isoformat()
        except ValueError:
            continue
    return None


# --- HTML -----------------------------------------------------------------------------------

_OPGESLAGEN_VAN = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE)


def _lees_html(html: str, naam: str) -> Document:
    import trafilatura

    tekst = trafilatura.extract(
        html, include_comments=False, include_tables=True, favor_precision=True
    )
    if not tekst:
        # short pages fall under trafilatura's minimum size: then all visible text
        tekst = trafilatura.html2txt(html) or ""
    tekst = _schoon_regels(tekst)
    if not tekst.strip():
        raise Onleesbaar(f"{naam}: de HTML-pagina bevat geen leesbare hoofdtekst")
    meta = trafilatura.extract_metadata(html)
    datum = _iso(meta.date) if meta is not None and meta.date else None
    adres = meta.url if meta is not None and meta.url else None
    if adres is None and (m := _OPGESLAGEN_VAN.search(html[:2000])):
        adres = m[1]
    return Document(naam, tekst, "html", datum=datum or _datum_uit_tekst(tekst[:1500]), adres=adres)


def _iso(waarde: str) -> str | None:
    try:
        return dt.date.fromisoformat(waarde[:10]).isoformat()
    except ValueError:
        return None


def _schoon_regels(tekst: str) -> str:
    regels = [re.sub(r"[ \t\u00a0]+", " ", r).strip() for r in tekst.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(regels)).strip()


# --- PDF ------------------------------------------------------------------------------------


def _lees_pdf(data: bytes, naam: str) -> Document:
    import io

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        lezer = PdfReader(io.BytesIO(data))
        paginateksten = [p.extract_text() or "" for p in lezer.pages]
        meta = lezer.metadata
    except (PdfReadError, ValueError, KeyError, OSError) as e:
        raise Onleesbaar(f"{naam}: de PDF kan niet gelezen worden: {e}") from e
    delen: list[str] = []
    starts: list[int] = []
    positie = 0
    for ruw in paginateksten:
        stuk = _pdf_alineas(ruw)
        if not stuk:
            continue
        if delen:
            positie += 2
        starts.append(positie)
        delen.append(stuk)
        positie += len(stuk)
    tekst = "\n\n".join(delen)
    if not tekst.strip():
        raise Onleesbaar(
            f"{naam}: de PDF heeft geen tekstlaag (een scan?); maak er eerst tekst van (OCR)"
        )
    datum = None
    if meta is not None:
        try:
            gemaakt = meta.creation_date
        except (ValueError, TypeError):
            gemaakt = None
        if gemaakt is not None:
            datum = gemaakt.date().isoformat()
    datum = _datum_uit_tekst(tekst[:1500]) or datum
    return Document(naam, tekst, "pdf", datum=datum, paginas=tuple(starts))


def _pdf_alineas(ruw: str) -> str:
    """Join the lines of a PDF page into paragraphs: a blank line ends a paragraph, and so does
    a short line without punctuation followed by a capital (a heading); a word broken with ``-``
    over a line end is joined again.

    >>> _pdf_alineas("Inleiding\\nHet team werkt in Noord en ver-\\nwijst naar de bieb.")
    'Inleiding\\n\\nHet team werkt in Noord en verwijst naar de bieb.'
    """
    regels = [re.sub(r"\s+", " ", r).strip() for r in ruw.replace("\r", "\n").split("\n")]
    alineas: list[str] = []
    huidig = vorige = ""
    for regel in regels:
        if not regel:
            if huidig:
                alineas.append(huidig)
            huidig = vorige = ""
            continue
        kop = (
            huidig == vorige
            and len(vorige) < 60
            and not vorige.endswith((".", ",", ";", ":", "-"))
            and regel[:1].isupper()
        )
        if not huidig:
            huidig = regel
        elif kop:
            alineas.append(huidig)
            huidig = regel
        elif re.search(r"[a-zà-ÿ]-$", huidig) and regel[:1].islower():
            huidig = huidig[:-1] + regel
        else:
            huidig = f"{huidig} {regel}"
        vorige = regel
    if huidig:
        alineas.append(huidig)
    return "\n\n".join(alineas)
