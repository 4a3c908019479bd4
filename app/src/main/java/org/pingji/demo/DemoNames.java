package org.pingji.demo;

import java.util.SplittableRandom;

/** Plausible Chinese personal names, shop names and categories for the demo county. */
final class DemoNames {

    private static final String SURNAMES =
            "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉兰文辉海燕鹏飞晓东春梅丹萍宇浩然子涵欣怡佳琪梓轩雨泽思远俊杰嘉怡一诺宏亮";
    static final String[] SHOP_CATEGORIES = {"超市", "便利店", "药店", "餐馆", "理发店", "五金店", "服装店", "农资店", "快递点", "手机店"};
    static final String[] VENUE_CATEGORIES = {
        "农贸市场", "宾馆", "网吧", "KTV", "学校", "卫生院", "客运站", "加油站", "景区", "健身房", "银行网点", "幼儿园"
    };
    private static final String[] SHOP_WORDS = {"鑫", "兴", "隆", "福", "顺", "惠", "康", "安", "利", "祥", "丰", "瑞"};

    private DemoNames() {}

    static String person(SplittableRandom random) {
        StringBuilder name = new StringBuilder(3);
        name.append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        if (random.nextInt(10) < 7) {
            name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return name.toString();
    }

    static String shop(SplittableRandom random, String category) {
        return SHOP_WORDS[random.nextInt(SHOP_WORDS.length)] + SHOP_WORDS[random.nextInt(SHOP_WORDS.length)] + category;
    }

    /** The short name of a village committee: "城关社区居民委员会" becomes "城关社区". */
    static String shortVillage(String name) {
        return name.replace("居民委员会", "").replace("村民委员会", "村").replace("委员会", "");
    }
}
