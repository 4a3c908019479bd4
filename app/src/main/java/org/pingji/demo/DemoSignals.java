package org.pingji.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.pingji.access.Caller;
import org.pingji.access.Role;
import org.pingji.warning.WarningManagement;
import org.pingji.warning.WarningManagement.CountRow;
import org.pingji.warning.WarningManagement.NewReportingUnit;
import org.springframework.stereotype.Component;

/**
 * The early-warning part of the demo: per township a pharmacy reporting its four drug classes
 * and the township hospital's fever clinic, 35 days of counts up to yesterday (enough history
 * for EARS C1–C3), with the first township's fever drugs and fever-clinic visits rising over
 * the last two days so that signals wait to be answered. pharmacy1 reports for the first
 * township's pharmacy.
 */
@Component
class DemoSignals {

    static final int DAYS = 35;
    static final List<String> DRUGS = List.of(
            "pharmacy_fever_drugs", "pharmacy_cough_drugs", "pharmacy_antiviral_drugs", "pharmacy_antibiotic_drugs");
    private static final double[] DRUG_MEANS = {18, 14, 5, 9};
    private static final double CLINIC_MEAN = 12;

    private final WarningManagement warning;

    DemoSignals(WarningManagement warning) {
        this.warning = warning;
    }

    void create(SplittableRandom random, Map<String, String> townships) {
        Caller admin = new Caller(1, "admin", "系统管理员", Role.ADMIN, DemoCounty.COUNTY_CODE, "/141029/");
        String first = townships.keySet().iterator().next();
        List<NewReportingUnit> units = new ArrayList<>();
        for (var t : townships.entrySet()) {
            String name = t.getValue();
            units.add(new NewReportingUnit(
                    "YD" + t.getKey(),
                    name + "康宁大药房",
                    "PHARMACY",
                    t.getKey(),
                    DRUGS,
                    t.getKey().equals(first) ? "pharmacy1" : null));
            units.add(new NewReportingUnit(
                    "FR" + t.getKey(), name + "卫生院发热门诊", "CLINIC", t.getKey(), List.of("fever_clinic_visits"), null));
        }
        warning.registerReportingUnits(units);
        LocalDate yesterday = warning.today().minusDays(1);
        for (var t : townships.entrySet()) {
            boolean rising = t.getKey().equals(first);
            List<CountRow> drugs = new ArrayList<>();
            List<CountRow> clinic = new ArrayList<>();
            for (int d = DAYS - 1; d >= 0; d--) {
                LocalDate day = yesterday.minusDays(d);
                double rise = rising && d < 2 ? (d == 0 ? 2.8 : 2.0) : 1.0;
                for (int i = 0; i < DRUGS.size(); i++) {
                    double factor = i == 0 || i == 2 ? rise : 1.0;
                    drugs.add(new CountRow(DRUGS.get(i), t.getKey(), day, draw(random, DRUG_MEANS[i] * factor)));
                }
                clinic.add(new CountRow("fever_clinic_visits", t.getKey(), day, draw(random, CLINIC_MEAN * rise)));
            }
            warning.storeDemoCounts(admin, "YD" + t.getKey(), drugs);
            warning.storeDemoCounts(admin, "FR" + t.getKey(), clinic);
        }
        // signals of the last three days only: the story's older ones would have been answered
        warning.detect(yesterday.minusDays(2), yesterday);
    }

    /** A count around the mean (normal approximation of a Poisson count, never negative). */
    private static int draw(SplittableRandom random, double mean) {
        return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
    }
}
