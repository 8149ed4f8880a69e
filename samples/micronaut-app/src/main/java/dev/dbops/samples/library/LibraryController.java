package dev.dbops.samples.library;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;

/** The library over HTTP; JDBC blocks, so requests run on the blocking executor. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class LibraryController {

    private final LibraryRepository repository;

    /** Creates the controller. */
    public LibraryController(LibraryRepository repository) {
        this.repository = repository;
    }

    /** Adds a member. */
    @Post("/members")
    @Status(HttpStatus.CREATED)
    public Member addMember(@Body Member member) {
        return repository.add(member);
    }

    /** Adds a book to the catalogue. */
    @Post("/books")
    @Status(HttpStatus.CREATED)
    public Book addBook(@Body Book book) {
        return repository.add(book);
    }

    /** Lends a book to a member. */
    @Post("/loans")
    @Status(HttpStatus.CREATED)
    public Loan lend(@Body Loan loan) {
        return repository.lend(loan);
    }

    /** A member's loans, newest first. */
    @Get("/members/{id}/loans")
    public List<Loan> loans(long id) {
        return repository.loansOf(id);
    }
}
