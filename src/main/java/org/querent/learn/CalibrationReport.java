package org.querent.learn;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fitted temperature and what it did on the held-out rows.
 *
 * @param scaling   the fitted scaling
 * @param eceBefore expected calibration error of the raw head
 * @param eceAfter  expected calibration error after scaling
 * @param nllBefore mean negative log-likelihood of the raw head
 * @param nllAfter  mean negative log-likelihood after scaling
 */
public record CalibrationReport(TemperatureScaling scaling, double eceBefore, double eceAfter, double nllBefore,
                                double nllAfter) {

    public double temperature() {
        return scaling.temperature();
    }

    /** JSON-ready values for provenance and status. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("temperature", temperature());
        map.put("eceBefore", eceBefore);
        map.put("eceAfter", eceAfter);
        map.put("nllBefore", nllBefore);
        map.put("nllAfter", nllAfter);
        return map;
    }
}
