package dev.dbops.samples.shop;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The shop's tables, through Spring's {@link JdbcClient}. */
@Repository
public class ShopRepository {

    private final JdbcClient jdbc;

    /** Creates the repository over the application's database. */
    public ShopRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a customer and returns it with its key. */
    public Customer addCustomer(String name, String email) {
        return jdbc.sql("insert into customers (name, email) values (?, ?) returning id, name, email, created_at")
                .params(name, email).query(ShopRepository::customer).single();
    }

    /** Every customer, in key order. */
    public List<Customer> customers() {
        return jdbc.sql("select id, name, email, created_at from customers order by id").query(ShopRepository::customer)
                .list();
    }

    /** Adds a product and returns it with its key. */
    public Product addProduct(String sku, String name, long priceCents) {
        return jdbc.sql("insert into products (sku, name, price_cents) values (?, ?, ?) returning id, sku, name, price_cents")
                .params(sku, name, priceCents).query(ShopRepository::product).single();
    }

    /** Every product, in key order. */
    public List<Product> products() {
        return jdbc.sql("select id, sku, name, price_cents from products order by id").query(ShopRepository::product)
                .list();
    }

    /** Places an order, when the customer and product exist. */
    public Optional<Order> placeOrder(long customerId, long productId, int quantity) {
        return jdbc.sql("""
                insert into orders (customer_id, product_id, quantity)
                select c.id, p.id, ? from customers c, products p where c.id = ? and p.id = ?
                returning id, customer_id, product_id, quantity, placed_at""")
                .params(quantity, customerId, productId).query(ShopRepository::order).optional();
    }

    /** A customer's orders, newest first (served by the index of V3). */
    public List<Order> ordersOf(long customerId) {
        return jdbc.sql("select id, customer_id, product_id, quantity, placed_at from orders where customer_id = ?"
                + " order by placed_at desc, id desc").param(customerId).query(ShopRepository::order).list();
    }

    private static Customer customer(ResultSet rs, int row) throws SQLException {
        return new Customer(rs.getLong("id"), rs.getString("name"), rs.getString("email"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Product product(ResultSet rs, int row) throws SQLException {
        return new Product(rs.getLong("id"), rs.getString("sku"), rs.getString("name"), rs.getLong("price_cents"));
    }

    private static Order order(ResultSet rs, int row) throws SQLException {
        return new Order(rs.getLong("id"), rs.getLong("customer_id"), rs.getLong("product_id"), rs.getInt("quantity"),
                rs.getTimestamp("placed_at").toInstant());
    }
}
