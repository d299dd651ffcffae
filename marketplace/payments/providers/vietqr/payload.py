"""VietQR payloads: the NAPAS account-transfer QR (EMVCo merchant-presented mode).

A payload is a string of TLV fields (two-digit id, two-digit length, value):

    00 payload format indicator "01"
    01 point of initiation: "11" static (buyer types the amount), "12" dynamic (amount set)
    38 merchant account information (NAPAS):
         00 GUID "A000000727"
         01 beneficiary organisation: 00 bank BIN (6 digits), 01 account number
         02 service code "QRIBFTTA" (transfer to an account)
    53 currency "704" (VND)          54 amount in đồng (digits only)
    58 country "VN"                  62 additional data: 08 purpose of transaction
    63 CRC-16/CCITT-FALSE of everything before it, "6304" included, 4 upper-case hex digits

Banking apps show the purpose as the transfer note; it is kept to ASCII letters, digits
and spaces (banks drop diacritics and many refuse other characters).
"""

import io
import re
from dataclasses import dataclass

import segno

from core.text import fold

NAPAS_GUID = "A000000727"
SERVICE_ACCOUNT_TRANSFER = "QRIBFTTA"
CURRENCY_VND = "704"
COUNTRY_VN = "VN"
_NOTE_UNSAFE = re.compile(r"[^A-Za-z0-9 ]+")


class VietQRError(ValueError):
    pass


def crc16_ccitt(data: str) -> str:
    """CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final xor)."""
    crc = 0xFFFF
    for byte in data.encode("utf-8"):
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return f"{crc:04X}"


def tlv(tag: str, value: str) -> str:
    if len(value) > 99:
        raise VietQRError(f"field {tag} is longer than 99 characters")
    return f"{tag}{len(value):02d}{value}"


def transfer_note(text: str, max_length: int = 25) -> str:
    """An ASCII transfer note banks accept: "Đơn OC-2611-000123" → "Don OC2611000123"."""
    return " ".join(_NOTE_UNSAFE.sub("", fold(text).upper()).split())[:max_length].strip()


@dataclass(frozen=True)
class TransferRequest:
    bank_bin: str
    account_number: str
    amount: int | None = None  # whole đồng; None for a static code
    note: str = ""

    def payload(self) -> str:
        if not re.fullmatch(r"\d{6}", self.bank_bin):
            raise VietQRError("the bank BIN must be 6 digits")
        if not re.fullmatch(r"[0-9A-Za-z]{1,19}", self.account_number):
            raise VietQRError("the account number must be 1–19 letters or digits")
        if self.amount is not None and (self.amount <= 0 or self.amount > 9_999_999_999_999):
            raise VietQRError("the amount must be a positive number of đồng")
        beneficiary = tlv("00", self.bank_bin) + tlv("01", self.account_number)
        merchant = tlv("00", NAPAS_GUID) + tlv("01", beneficiary) + tlv("02", SERVICE_ACCOUNT_TRANSFER)
        fields = [
            tlv("00", "01"),
            tlv("01", "11" if self.amount is None else "12"),
            tlv("38", merchant),
            tlv("53", CURRENCY_VND),
        ]
        if self.amount is not None:
            fields.append(tlv("54", str(int(self.amount))))
        fields.append(tlv("58", COUNTRY_VN))
        note = transfer_note(self.note)
        if note:
            fields.append(tlv("62", tlv("08", note)))
        body = "".join(fields) + "6304"
        return body + crc16_ccitt(body)


def parse_tlv(data: str) -> dict[str, str]:
    """Split one level of TLV fields (for tests and for checking a scanned payload)."""
    fields, i = {}, 0
    while i < len(data):
        tag, length = data[i:i + 2], int(data[i + 2:i + 4])
        fields[tag] = data[i + 4:i + 4 + length]
        i += 4 + length
    return fields


def qr_svg(payload: str, *, scale: int = 4, title: str = "VietQR") -> str:
    """The QR code as inline SVG (server-rendered: no JavaScript, a few KB)."""
    qr = segno.make(payload, error="m", micro=False)
    return qr.svg_inline(scale=scale, border=4, title=title, dark="#000", light="#fff")


def qr_png(payload: str, *, scale: int = 10) -> bytes:
    """The same code as a PNG (black on white, a 4-module quiet zone), for buyers paying
    from the phone that shows the page: saved, then opened in the banking app's "scan
    from image". About 500 px wide, a few KB."""
    buffer = io.BytesIO()
    segno.make(payload, error="m", micro=False).save(buffer, kind="png", scale=scale, border=4,
                                                     dark="#000", light="#fff")
    return buffer.getvalue()
