# S004-sts-pvc: headless Service `eureka-headless` and StatefulSet `eureka` (Parallel, volumeClaimTemplates)
# zh: Headless Service `eureka-headless` 与 StatefulSet `eureka`（Parallel 并行启动，volumeClaimTemplates）
# The seed's namespace pg-allen-ali (its comment asks each reader to use their own) has to exist first.
kubectl create namespace pg-allen-ali
cat > eureka-headless.yaml <<EOF
apiVersion: v1
kind: Service
metadata:
  annotations:
  labels:
    app: eureka
  name: eureka-headless #ping eureka-headless,提供DNS发现
  namespace: pg-allen-ali   #【修改为各自namespace】
spec:
  clusterIP: None #区别普通实例
  ports:
  - port: 8761
    protocol: TCP
    targetPort: 8761
  selector:
    app: eureka
  sessionAffinity: None
  type: ClusterIP
EOF
kubectl apply -f eureka-headless.yaml
kubectl get svc eureka-headless -n pg-allen-ali
# The seed's cluster on Alibaba Cloud had NAS volumes of class alicloud-nas (ReadWriteMany). Nothing provisions that
# class here, so an administrator's two NFS volumes of that class stand in for them (static provisioning).
cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: PersistentVolume
metadata:
  name: nas-eureka-a
spec:
  capacity:
    storage: 1Gi
  accessModes: [ReadWriteOnce, ReadOnlyMany, ReadWriteMany]
  persistentVolumeReclaimPolicy: Retain
  storageClassName: alicloud-nas
  nfs:
    server: 192.168.56.5
    path: /nas/eureka-a
---
apiVersion: v1
kind: PersistentVolume
metadata:
  name: nas-eureka-b
spec:
  capacity:
    storage: 2Gi
  accessModes: [ReadWriteOnce, ReadOnlyMany, ReadWriteMany]
  persistentVolumeReclaimPolicy: Retain
  storageClassName: alicloud-nas
  nfs:
    server: 192.168.56.5
    path: /nas/eureka-b
EOF
kubectl get pv
cat > eureka-sts.yaml <<EOF
apiVersion: apps/v1 #pod之间的访问
kind: StatefulSet
metadata:
  labels:
    app: eureka
  name: eureka
  namespace: pg-allen-ali   #【修改为各自namespace】
spec:
  podManagementPolicy: Parallel #pod启动的一个策略，并行启动
  replicas: 2
  revisionHistoryLimit: 10
  selector:
    matchLabels:
      app: eureka
  serviceName: eureka-headless    # headless service名，很重要
  template:
    metadata:
      labels:
        app: eureka
        project: k8s-playground
    spec:
      containers:
      - env:
        - name: EUREKA_CLIENT_REGISTERWITHEUREKA
          value: "true"
        - name: EUREKA_CLIENT_FETCHREGISTRY
          value: "true"
        - name: replicas
          value: "2"
        - name: EUREKA_NAMESPACE
          value: pg-allen-ali    # 【修改为各自namespace】
        image: registry-vpc.ap-southeast-1.aliyuncs.com/allen-mo/proj.k8s-playground_app.eureka:20191227_01
        imagePullPolicy: Always
        livenessProbe:
          failureThreshold: 3
          initialDelaySeconds: 168
          periodSeconds: 20
          successThreshold: 1
          tcpSocket:
            port: 8761
          timeoutSeconds: 1
        name: eureka
        readinessProbe:
          failureThreshold: 3
          httpGet:
            path: /actuator/health
            port: 8761
            scheme: HTTP
          initialDelaySeconds: 11
          periodSeconds: 20
          successThreshold: 1
          timeoutSeconds: 1
        resources:
          limits:
            cpu: 500m
            memory: 768Mi
          requests:
            cpu: 100m
            memory: 512Mi
        volumeMounts:     # volume挂载
        - mountPath: /dianyi/data
          name: eureka-data
      dnsPolicy: ClusterFirst
      restartPolicy: Always
  updateStrategy:
    rollingUpdate:
      partition: 0      # 滚动升级的分区：分批进行，先升级序号>partition，不分区
    type: RollingUpdate
  volumeClaimTemplates:       # 动态PV声明，两种，静态+动态升级
  - metadata:
      name: eureka-data
      namespace: pg-allen-ali
    spec:
      accessModes:
      - ReadWriteOnce #存储读写一次，aws
      - ReadOnlyMany #读多次
      - ReadWriteMany #写多次
      storageClassName: alicloud-nas
      resources:
        requests:
          storage: 1Gi #容量需求多大
      volumeMode: Filesystem
EOF
kubectl apply -f eureka-sts.yaml
# Parallel: both ordinals are created at once, without waiting for eureka-0 to be Ready.
kubectl -n pg-allen-ali get po
sleep 60
kubectl -n pg-allen-ali get po -o wide
kubectl -n pg-allen-ali get pvc
kubectl get pv
kubectl -n pg-allen-ali describe statefulset eureka
# 尝试通过headless service访问另一个eureka实例
kubectl -n pg-allen-ali exec eureka-0 -- ping -c 2 eureka-1.eureka-headless
# Data written on eureka-0's volume survives the pod: its replacement mounts the same claim.
kubectl -n pg-allen-ali exec eureka-0 -- sh -c 'echo data_test > /dianyi/data/data_test'
kubectl -n pg-allen-ali delete pod eureka-0
sleep 30
kubectl -n pg-allen-ali get po
kubectl -n pg-allen-ali exec eureka-0 -- cat /dianyi/data/data_test
# Scaling down keeps the claims; eureka-1 comes back to its own volume.
kubectl -n pg-allen-ali exec eureka-1 -- sh -c 'hostname > /dianyi/data/owner'
kubectl -n pg-allen-ali scale statefulset eureka --replicas=1
sleep 30
kubectl -n pg-allen-ali get po,pvc
kubectl -n pg-allen-ali scale statefulset eureka --replicas=2
sleep 30
kubectl -n pg-allen-ali exec eureka-1 -- cat /dianyi/data/owner
