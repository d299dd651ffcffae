from django.urls import path

from marketplace.orders.views import buyer, cart, checkout, payouts, seller

app_name = "orders"

urlpatterns = [
    path("cart/", cart.cart_detail, name="cart"),
    path("cart/add/", cart.cart_add_view, name="cart_add"),
    path("cart/update/", cart.cart_update_view, name="cart_update"),
    path("checkout/", checkout.checkout, name="checkout"),
    path("checkout/placed/<uuid:reference>/", checkout.checkout_placed, name="placed"),
    path("checkout/wards/", checkout.checkout_wards, name="wards"),
    path("orders/", buyer.order_list, name="list"),
    path("orders/<str:number>/", buyer.order_detail, name="detail"),
    path("orders/<str:number>/received/", buyer.order_received, name="received"),
    path("orders/<str:number>/cancel/", buyer.order_cancel_by_buyer, name="cancel"),
    path("orders/<str:number>/review/", buyer.order_review, name="review"),
    path("seller/orders/", seller.seller_order_list, name="seller_orders"),
    path("seller/orders/balance/", seller.seller_balance, name="seller_balance"),
    path("seller/orders/<str:number>/", seller.seller_order_detail, name="seller_order"),
    path("seller/orders/<str:number>/<slug:action>/", seller.seller_order_action, name="seller_order_action"),
    path("payouts/", payouts.batch_list, name="payouts"),
    path("payouts/<int:pk>/", payouts.batch_detail, name="payout_batch"),
    path("payouts/<int:pk>/csv/", payouts.batch_csv, name="payout_csv"),
    path("payouts/<int:pk>/paid/", payouts.batch_mark_paid, name="payout_paid"),
]
