package org.pingji.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pingji.demo.DemoCounty.MicroGrid;
import org.pingji.demo.DemoCounty.Village;
import org.pingji.grid.GridManagement;
import org.pingji.grid.GridManagement.NewRegion;
import org.pingji.grid.RegionLevel;
import org.springframework.stereotype.Component;

/** The demo county's region tree: townships and villages from the CSVs, grids and 1,189 micro-grids. */
@Component
class DemoRegions {

    private final GridManagement grid;

    DemoRegions(GridManagement grid) {
        this.grid = grid;
    }

    List<MicroGrid> create(Map<String, String> townships, List<Village> villages) {
        List<NewRegion> regions = new ArrayList<>();
        Rect county = new Rect(110.55, 35.80, 111.15, 36.25);
        regions.add(new NewRegion(DemoCounty.COUNTY_CODE, "乡宁县", RegionLevel.COUNTY, null, county.geoJson()));
        List<String> townshipCodes = new ArrayList<>(townships.keySet());
        List<Rect> townshipCells = county.split(townshipCodes.size());
        List<MicroGrid> microGrids = new ArrayList<>(DemoCounty.MICRO_GRIDS);
        // 1,189 = 141 * 8 + 61: the first 61 villages get 9 micro-grids, the others 8.
        int extra = DemoCounty.MICRO_GRIDS - villages.size() * (DemoCounty.MICRO_GRIDS / villages.size());
        int villageIndex = 0;
        for (int t = 0; t < townshipCodes.size(); t++) {
            String townshipCode = townshipCodes.get(t);
            regions.add(new NewRegion(
                    townshipCode,
                    townships.get(townshipCode),
                    RegionLevel.TOWNSHIP,
                    DemoCounty.COUNTY_CODE,
                    townshipCells.get(t).geoJson()));
            List<Village> inTownship = villages.stream()
                    .filter(v -> v.townshipCode().equals(townshipCode))
                    .toList();
            List<Rect> villageCells = townshipCells.get(t).split(inTownship.size());
            for (int v = 0; v < inTownship.size(); v++, villageIndex++) {
                Village village = inTownship.get(v);
                String shortName = DemoNames.shortVillage(village.name());
                regions.add(new NewRegion(
                        village.code(),
                        village.name(),
                        RegionLevel.VILLAGE,
                        townshipCode,
                        villageCells.get(v).geoJson()));
                int microCount = DemoCounty.MICRO_GRIDS / villages.size() + (villageIndex < extra ? 1 : 0);
                int[] perGrid = {3, 3, microCount - 6};
                List<Rect> gridCells = villageCells.get(v).split(perGrid.length);
                for (int g = 0; g < perGrid.length; g++) {
                    String gridCode = village.code() + "%02d".formatted(g + 1);
                    regions.add(new NewRegion(
                            gridCode,
                            shortName + "第" + (g + 1) + "网格",
                            RegionLevel.GRID,
                            village.code(),
                            gridCells.get(g).geoJson()));
                    List<Rect> microCells = gridCells.get(g).split(perGrid[g]);
                    for (int m = 0; m < perGrid[g]; m++) {
                        String microCode = gridCode + "%02d".formatted(m + 1);
                        regions.add(new NewRegion(
                                microCode,
                                shortName + "第" + (g + 1) + "网格第" + (m + 1) + "微网格",
                                RegionLevel.MICRO_GRID,
                                gridCode,
                                microCells.get(m).geoJson()));
                        microGrids.add(new MicroGrid(microCode, village));
                    }
                }
            }
        }
        if (microGrids.size() != DemoCounty.MICRO_GRIDS) {
            throw new IllegalStateException(
                    "Demo county has %d micro-grids, expected %d".formatted(microGrids.size(), DemoCounty.MICRO_GRIDS));
        }
        grid.createRegions(regions);
        return microGrids;
    }
}
