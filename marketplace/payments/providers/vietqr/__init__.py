"""VietQR bank transfer (NAPAS 247), one provider in three modules:

- `provider.py`: the provider behind the gateway, what the buyer needs to pay one store
  order (bank, account, amount, note, the code), and the store's "transfer received";
- `payload.py`: the EMVCo/NAPAS payload, its CRC and the code as SVG or PNG (no Django,
  no models);
- `views.py`: the store's "transfer received" button, and the code as a PNG to save
  ("Lưu ảnh mã QR") for the buyer who may see the order.

The pages show the code through `marketplace/payments/templatetags/vietqr_tags.py`
(template tags must live in an app's `templatetags`).
"""
