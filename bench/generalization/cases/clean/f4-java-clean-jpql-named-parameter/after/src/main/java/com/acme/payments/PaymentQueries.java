package com.acme.payments;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.springframework.stereotype.Repository;

@Repository
public class PaymentQueries {

    public enum Direction { ASC, DESC }

    private static final String BY_REFERENCE =
            "SELECT p FROM Payment p WHERE p.merchantReference = :ref ORDER BY p.createdAt ";

    @PersistenceContext
    private EntityManager em;

    public Payment byId(long id) {
        return em.find(Payment.class, id);
    }

    public List<Payment> byReference(String reference, Direction direction) {
        String jpql = BY_REFERENCE + direction.name();
        return em.createQuery(jpql, Payment.class)
                .setParameter("ref", reference)
                .setMaxResults(50)
                .getResultList();
    }
}
