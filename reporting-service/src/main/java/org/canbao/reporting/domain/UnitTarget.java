package org.canbao.reporting.domain;

/** A unit of the campaign with its target; unranked units (a demonstration centre) are shown but not ranked. */
public record UnitTarget(String name, String kind, Long target, boolean ranked) {
}
