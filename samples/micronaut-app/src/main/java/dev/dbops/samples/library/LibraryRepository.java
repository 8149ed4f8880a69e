package dev.dbops.samples.library;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The library's tables, over plain JDBC on the default datasource. */
@Singleton
public class LibraryRepository {

    private final DataSource dataSource;

    /** Creates the repository over the application's pool. */
    public LibraryRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Adds a member and returns it with its id. */
    public Member add(Member member) {
        long id = insert("INSERT INTO members (name, email) VALUES (?, ?) RETURNING id", member.name(), member.email());
        return new Member(id, member.name(), member.email());
    }

    /** Adds a book and returns it with its id. */
    public Book add(Book book) {
        long id = insert("INSERT INTO books (isbn, title, copies) VALUES (?, ?, ?) RETURNING id", book.isbn(),
                book.title(), book.copies());
        return new Book(id, book.isbn(), book.title(), book.copies());
    }

    /** Lends a book and returns the loan with its id and time. */
    public Loan lend(Loan loan) {
        long id = insert("INSERT INTO loans (member_id, book_id, days) VALUES (?, ?, ?) RETURNING id", loan.memberId(),
                loan.bookId(), loan.days());
        return loansWhere("id = ?", id).get(0);
    }

    /** A member's loans, newest first. */
    public List<Loan> loansOf(long memberId) {
        return loansWhere("member_id = ? ORDER BY lent_at DESC, id DESC", memberId);
    }

    private List<Loan> loansWhere(String condition, long value) {
        String sql = "SELECT id, member_id, book_id, days, lent_at FROM loans WHERE " + condition;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, value);
            List<Loan> loans = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    loans.add(new Loan(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getInt(4),
                            rows.getTimestamp(5).toInstant()));
                }
            }
            return loans;
        } catch (SQLException e) {
            throw new IllegalStateException("reading loans failed: " + e.getMessage(), e);
        }
    }

    private long insert(String sql, Object... values) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("writing failed: " + e.getMessage(), e);
        }
    }
}
