package com.creditdesk.scoring;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One qualitative rating, 1 (poor) to 5 (excellent), with an optional note. */
@Embeddable
public record Rating(@Column(name = "rating") int value, @Column(name = "note") String note) {

}
