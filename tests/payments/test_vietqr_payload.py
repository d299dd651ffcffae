"""VietQR payloads against the NAPAS/EMVCo layout, built by hand, and decoded back from
the project's own QR image with a real decoder (zbar)."""

import shutil
import subprocess

import pytest
import segno

from marketplace.payments.providers.vietqr.payload import (
    TransferRequest,
    VietQRError,
    crc16_ccitt,
    parse_tlv,
    qr_svg,
    transfer_note,
)


def test_crc_matches_the_standard_check_value():
    # CRC-16/CCITT-FALSE check value for "123456789" (the catalogue of CRC parameters).
    assert crc16_ccitt("123456789") == "29B1"


def test_crc_matches_a_payload_built_by_another_implementation():
    # A published NAPAS sample (merchant QR with name and city), CRC computed elsewhere.
    body = ("00020101021138480010A00000072701300006970403011621129950446040255204581253037045802VN"
            "5910PHUONG CAC6005HANOI62110307NPS68696304")
    assert crc16_ccitt(body) == "5802"


def test_dynamic_transfer_payload_field_by_field():
    payload = TransferRequest(bank_bin="970436", account_number="0011001234567", amount=185000,
                              note="Đơn OC-2611-000123").payload()
    expected_body = (
        "000201"                        # payload format indicator
        "010212"                        # dynamic: the amount is set
        "3857"                          # merchant account information, 57 characters
        "0010A000000727"                #   NAPAS GUID
        "0127" "0006970436" "01130011001234567"  # beneficiary: BIN + account
        "0208QRIBFTTA"                  #   service: transfer to account
        "5303704"                       # VND
        "5406185000"                    # amount in đồng, no decimals
        "5802VN"
        "6220" "0816DON OC2611000123"   # purpose of transaction (transfer note)
        "6304"
    )
    assert payload == expected_body + crc16_ccitt(expected_body)
    fields = parse_tlv(payload)
    assert fields["54"] == "185000"
    assert parse_tlv(fields["38"]) == {"00": "A000000727", "01": "0006970436" "01130011001234567", "02": "QRIBFTTA"}
    assert parse_tlv(fields["62"]) == {"08": "DON OC2611000123"}
    assert fields["63"] == crc16_ccitt(payload[:-4])


def test_static_payload_has_no_amount():
    fields = parse_tlv(TransferRequest(bank_bin="970415", account_number="113366668888").payload())
    assert fields["01"] == "11"
    assert "54" not in fields and "62" not in fields


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"bank_bin": "97043", "account_number": "1"}, "BIN"),
        ({"bank_bin": "970436", "account_number": "12 34"}, "account"),
        ({"bank_bin": "970436", "account_number": "1234", "amount": 0}, "amount"),
    ],
)
def test_bad_input_is_refused(kwargs, message):
    with pytest.raises(VietQRError, match=message):
        TransferRequest(**kwargs).payload()


def test_transfer_note_is_plain_ascii():
    assert transfer_note("Thanh toán đơn #OC-2611-000123 (Huế)") == "THANH TOAN DON OC26110001"
    assert len(transfer_note("x" * 60)) == 25


def test_svg_is_inline_and_small():
    svg = qr_svg(TransferRequest(bank_bin="970436", account_number="0011001234567", amount=185000).payload())
    assert svg.startswith("<svg") and "<title>VietQR</title>" in svg
    assert len(svg) < 12_000


@pytest.mark.zbar
def test_qr_image_decodes_back_to_the_exact_payload(tmp_path):
    payload = TransferRequest(bank_bin="970422", account_number="0869123456", amount=1_250_000,
                              note="OC-2611-000042").payload()
    path = tmp_path / "vietqr.png"
    segno.make(payload, error="m").save(str(path), kind="png", scale=6, border=4)
    decoded = subprocess.run([shutil.which("zbarimg"), "--raw", "-q", str(path)], capture_output=True, text=True,
                             check=True, timeout=30).stdout.strip()
    assert decoded == payload
