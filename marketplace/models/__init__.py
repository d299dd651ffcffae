"""Marketplace catalogue: stores, products, photos, OCOP certificates, product groups."""

from marketplace.models.catalog import Category, Product, ProductPhoto, ProductQuerySet, Unit
from marketplace.models.certificates import OcopCertificate, certificate_expiry
from marketplace.models.stores import ProducerType, Store, StoreMember, StoreQuerySet

__all__ = [
    "Category", "OcopCertificate", "ProducerType", "Product", "ProductPhoto", "ProductQuerySet", "Store",
    "StoreMember", "StoreQuerySet", "Unit", "certificate_expiry",
]
