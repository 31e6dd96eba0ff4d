import StarModel

enum StarModelTenths {
    static func make(_ raw: Int) -> Tenths { Tenths(raw) }
}
