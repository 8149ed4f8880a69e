package dev.dbops.samples.shop;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The shop's HTTP API. */
@RestController
public class ShopController {

    private final ShopRepository shop;

    /** Creates the controller. */
    public ShopController(ShopRepository shop) {
        this.shop = shop;
    }

    /**
     * A new customer.
     *
     * @param name the name
     * @param email the e-mail address
     */
    public record NewCustomer(String name, String email) {
    }

    /**
     * A new product.
     *
     * @param sku the stock-keeping unit
     * @param name the name
     * @param priceCents the price in cents
     */
    public record NewProduct(String sku, String name, long priceCents) {
    }

    /**
     * A new order.
     *
     * @param customerId who orders
     * @param productId what
     * @param quantity how many
     */
    public record NewOrder(long customerId, long productId, int quantity) {
    }

    /** Adds a customer. */
    @PostMapping("/customers")
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.CREATED)
    public Customer addCustomer(@RequestBody NewCustomer customer) {
        return shop.addCustomer(customer.name(), customer.email());
    }

    /** Lists the customers. */
    @GetMapping("/customers")
    public List<Customer> customers() {
        return shop.customers();
    }

    /** Adds a product. */
    @PostMapping("/products")
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.CREATED)
    public Product addProduct(@RequestBody NewProduct product) {
        return shop.addProduct(product.sku(), product.name(), product.priceCents());
    }

    /** Lists the products. */
    @GetMapping("/products")
    public List<Product> products() {
        return shop.products();
    }

    /** Places an order; 404 when the customer or the product does not exist. */
    @PostMapping("/orders")
    public ResponseEntity<Order> placeOrder(@RequestBody NewOrder order) {
        return shop.placeOrder(order.customerId(), order.productId(), order.quantity())
                .map(placed -> ResponseEntity.status(HttpStatus.CREATED).body(placed))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** A customer's orders, newest first. */
    @GetMapping("/customers/{id}/orders")
    public List<Order> ordersOf(@PathVariable long id) {
        return shop.ordersOf(id);
    }
}
