// MARK: - The Taylor expansions of erf about a = ½, 1, …, 6 (generated; do not edit by hand)

extension Elementary {
    /// Row j − 1 expands erf about a = j/2: erf(a) = hi + lo (the first two entries, hi the nearest
    /// `Double`), then dₙ = erf⁽ⁿ⁾(a)/n! = (2/√π)·(−1)ⁿ⁻¹·Hₙ₋₁(a)·e^{−a²}/n! for n = 1, 2, …, with
    /// Hₙ the physicists' Hermite polynomials, up to the last term that matters for |h| ≤ ¼
    /// (the rest is below 2⁻⁶²·erf(a − ¼)). Written by `scripts/elementary-coefficients.py erf`
    /// from 60-digit values, each rounded once to the nearest `Double`.
    static let erfExpansions: [[Double]] = [
        // a = 0.5: erf(a) = hi + lo, then d1…d19
        [
            0x1.0a7ef5c18edd2p-1, 0x1.5e809f1a31a28p-56, 0x1.c1efca49a5011p-1, -0x1.c1efca49a5011p-2,
            -0x1.2bf531866e00cp-3, 0x1.76f27de80980ep-3, 0x1.dfeeb5a3e3346p-8, -0x1.99f13b26a7676p-5,
            0x1.623c617f0f515p-8, 0x1.493d480930d14p-7, -0x1.1c1645ee62c3cp-9, -0x1.9b6f2543cb46cp-10,
            0x1.04c10aa85c4bdp-11, 0x1.9bca40e3c05b8p-13, -0x1.658951157f288p-14, -0x1.4c433b5aa6987p-16,
            0x1.8e6ed701aefaap-17, 0x1.a501d0174e6c1p-20, -0x1.7852d902db3dep-20, -0x1.71eb964293287p-24,
            0x1.350876e9138cdp-23,
        ],
        // a = 1: erf(a) = hi + lo, then d1…d19
        [
            0x1.af767a741088bp-1, -0x1.c97f778122797p-56, 0x1.a911f096fbc26p-2, -0x1.a911f096fbc26p-2,
            0x1.1b614b0f52819p-3, 0x1.1b614b0f52819p-4, -0x1.1b614b0f52819p-4, 0x1.2e45a565ad570p-8,
            0x1.f096fd702f0efp-7, -0x1.391146bb981a2p-8, -0x1.ee30d995fae39p-10, 0x1.4176c4374eb1ep-10,
            0x1.66b6afbde3cc2p-14, -0x1.a38bca0efc115p-13, 0x1.3a035a7960672p-16, 0x1.8dbd3052dd336p-16,
            -0x1.6fa38387ffecfp-18, -0x1.17503b2712bd4p-19, 0x1.c7d4267b540c0p-21, 0x1.08c1e370a1521p-23,
            -0x1.a244d23aeb8b2p-24,
        ],
        // a = 1.5: erf(a) = hi + lo, then d1…d18
        [
            0x1.eea5557137ae0p-1, -0x1.385e445f2c96dp-55, 0x1.e723726b824a9p-4, -0x1.6d5a95d0a1b7fp-3,
            0x1.1c2a02beb6ab8p-3, -0x1.6d5a95d0a1b7fp-5, -0x1.e723726b824a9p-7, 0x1.3ca3d72c47e3bp-6,
            -0x1.36d73a61dbabfp-8, -0x1.35ae4e395fa0cp-9, 0x1.c0380c3978d47p-10, -0x1.85b5f522cea21p-14,
            -0x1.0acef87389254p-12, 0x1.45db0652058b6p-14, 0x1.2d3d58b8fbd36p-16, -0x1.d8dcc76abaeadp-17,
            0x1.3fad4f62b4b13p-21, 0x1.9b5e588bf60cbp-20, -0x1.68e51003dd11fp-22, -0x1.bfb4d6727bc30p-24,
        ],
        // a = 2: erf(a) = hi + lo, then d1…d18
        [
            0x1.fd9ae142795e3p-1, 0x1.972801904b9a3p-56, 0x1.529b9e8cf9a1ep-6, -0x1.529b9e8cf9a1ep-5,
            0x1.8b0ae3a478923p-5, -0x1.1a2c59757ab19p-5, 0x1.ace7404c2b226p-7, 0x1.e1935ea65d580p-12,
            -0x1.bae0ab9d91458p-9, 0x1.a11434425e8e8p-10, -0x1.a46c56b1bf347p-15, -0x1.13917bd98236ap-12,
            0x1.b3399158e1fdap-14, 0x1.5efa63f686f78p-18, -0x1.1082811096fe0p-16, 0x1.09282c4c7901bp-18,
            0x1.00feae4932917p-20, -0x1.77fa2b27b4e3ep-21, 0x1.fc672c47d867ap-25, 0x1.020dc680f96e9p-24,
        ],
        // a = 2.5: erf(a) = hi + lo, then d1…d18
        [
            0x1.ffcaa8f4c9beap-1, 0x1.b0cee160116f9p-55, 0x1.1d83170fbf6fbp-9, -0x1.64e3dcd3af4bap-8,
            0x1.119da0c46ccb1p-7, -0x1.1a89b97ceac69p-7, 0x1.90e81283faacep-8, -0x1.6ecdbf67c97f8p-9,
            0x1.1c610bcb9f2f4p-11, 0x1.11551df364bafp-12, -0x1.067178c82ec16p-12, 0x1.4a84485ac08c0p-14,
            0x1.58bd113f5a0acp-18, -0x1.d87265f65a35ap-17, 0x1.3acdbedf3bf9dp-18, 0x1.857cc63e5cc55p-23,
            -0x1.584349ead6a3ep-21, 0x1.80e36bab128b3p-23, 0x1.356cf87d24464p-26, -0x1.97f31e43731b3p-26,
        ],
        // a = 3: erf(a) = hi + lo, then d1…d17
        [
            0x1.fffd1ac4135f9p-1, 0x1.eeafa1ecd6cefp-55, 0x1.2408e9ba3327fp-13, -0x1.b60d5e974cbbep-12,
            0x1.9db74b1d1dcdep-11, -0x1.11c85b1e8ff57p-10, 0x1.0a7b5546b5147p-10, -0x1.82f235b05094ep-11,
            0x1.998b47c657967p-12, -0x1.1aa5e236f52b3p-13, 0x1.d2a33c9487ebdp-17, 0x1.05ff38163998dp-16,
            -0x1.6a2c7a4c7a4fap-17, 0x1.96c6821168fd5p-19, 0x1.08f85acf3b805p-23, -0x1.e5e7b05db7fdfp-22,
            0x1.63eb0f4262611p-23, -0x1.4176b80e4a09cp-27, -0x1.01510b19ef62fp-26,
        ],
        // a = 3.5: erf(a) = hi + lo, then d1…d17
        [
            0x1.ffffe710d565ep-1, 0x1.c9ea52d76dc04p-55, 0x1.6a597219a93dap-18, -0x1.3d0e43d67415ep-16,
            0x1.62ccea63cb0c5p-15, -0x1.1c07721ac7fe5p-14, 0x1.586bafc9b9889p-14, -0x1.46153fb989863p-14,
            0x1.e827fafaa2516p-15, -0x1.1f6304de1316ep-15, 0x1.013525f7fb03fp-16, -0x1.377413bec5d3bp-18,
            0x1.dd7f3b681270fp-22, 0x1.dc7faa4de456ap-22, -0x1.43ea60cc4f9a7p-22, 0x1.8c7db95907d1cp-24,
            -0x1.89d268eba17d8p-28, -0x1.1be8ea4e7bf8ep-27, 0x1.153e8c87cc9cbp-28,
        ],
        // a = 4: erf(a) = hi + lo, then d1…d16
        [
            0x1.ffffff7b91176p-1, 0x1.0b2865615db40p-56, 0x1.10b1488aeb235p-23, -0x1.10b1488aeb235p-21,
            0x1.603a5308c50dap-20, -0x1.4980e25286cabp-19, 0x1.da5f10dc53b57p-19, -0x1.10505376d0801p-18,
            0x1.fd7c656d671e1p-19, -0x1.88c7af5f0dc2ap-19, 0x1.f42465a91b073p-20, -0x1.0475684ebb659p-20,
            0x1.ae54ff8450a05p-22, -0x1.021190700479cp-23, 0x1.2b7c6c451e776p-26, 0x1.94740d2f7339fp-28,
            -0x1.6c067c0ac6727p-28, 0x1.0da723a1d63a4p-29,
        ],
        // a = 4.5: erf(a) = hi + lo, then d1…d15
        [
            0x1.fffffffe4fa30p-1, 0x1.d166bcb681c7bp-57, 0x1.f1e3523b41d7dp-30, -0x1.180fde4155096p-27,
            0x1.99b8665618d99p-26, -0x1.b598cb4614debp-25, 0x1.6b1baf456a84ep-24, -0x1.e650e3452e100p-24,
            0x1.0d678f85bb98fp-23, -0x1.f5f31b5e1314cp-24, 0x1.8d2e638d9f75bp-24, -0x1.0c3a43aa7835ep-24,
            0x1.34ee6a127de73p-25, -0x1.2cd5b428c9554p-26, 0x1.e48b0513e1226p-28, -0x1.319ea81e5b210p-29,
            0x1.fb1e3c9b17225p-32,
        ],
        // a = 5: erf(a) = hi + lo, then d1…d14
        [
            0x1.fffffffffc9e8p-1, -0x1.a759f7738935fp-56, 0x1.13af4f04f9998p-36, -0x1.589b22c637ffep-34,
            0x1.196da0aa69776p-32, -0x1.516d3cb76c2a8p-31, 0x1.3c51d0aaa4419p-30, -0x1.e23586e1d0236p-30,
            0x1.32c72906e2a3cp-29, -0x1.4bcea4d4fbdb3p-29, 0x1.3505fd6432e1ep-29, -0x1.f41226936ced5p-30,
            0x1.617998494db7cp-30, -0x1.b5969cc99e94fp-31, 0x1.d9d11175dbd2ep-32, -0x1.be10acec703b8p-33,
        ],
        // a = 5.5: erf(a) = hi + lo, then d1…d12
        [
            0x1.fffffffffffbep-1, -0x1.182b326b228dcp-55, 0x1.7258610b3b233p-44, -0x1.fd39856f71506p-42,
            0x1.cb12e2f5ebf8fp-40, -0x1.31011e96bfdedp-38, 0x1.3e4a1f8967022p-37, -0x1.0f6e89cd80910p-36,
            0x1.84a4e0fbb7accp-36, -0x1.dc38bc64eeb79p-36, 0x1.fa7a9e1187297p-36, -0x1.d8771a9aefedbp-36,
            0x1.85963d3fa1f4ep-36, -0x1.1d8920b8301b7p-36,
        ],
        // a = 6: erf(a) = hi + lo, then d1…d10
        [
            0x1.0000000000000p+0, -0x1.8cf81557d20b6p-56, 0x1.2dc119095729fp-52, -0x1.c4a1a58e02beep-50,
            0x1.be584a5dd0ee0p-48, -0x1.45542efe11f93p-46, 0x1.75a81c0090eefp-45, -0x1.5ff7d49a4b77ep-44,
            0x1.177209e5be27dp-43, -0x1.7d75137ef0936p-43, 0x1.c645ed673f594p-43, -0x1.dd502a7c15df2p-43,
        ],
    ]
}
