# S004-ds: DaemonSet `node-exporter`: rejected as written; fixed, one hostNetwork exporter per worker on port 19100
# zh: DaemonSet `node-exporter`：按原文被拒绝；修正后每个工作节点一个监听 19100 端口的 hostNetwork 导出器
kubectl create namespace pg-allen
cat > ds.yaml <<EOF
apiVersion: extensions/v1beta1
kind: DaemonSet
metadata:
  labels:
    app: node-exporter
    project: k8s-playground
  name: node-exporter
  namespace: pg-allen  #修改为自己环境
spec:    # 没有replicas
  minReadySeconds: 30
  revisionHistoryLimit: 10
  selector:
    matchLabels:
      app: node-exporter
  template:
    metadata:
      annotations:
        cluster-autoscaler.kubernetes.io/safe-to-evict: "true"
      creationTimestamp: null
      labels:
        app: node-exporter
        project: k8s-playground
    spec:
      automountServiceAccountToken: false
      containers:
      - env:
        - name: web_listen_address
          value: "19100"      #修改为自己端口
        image: 172.30.10.185:15000/common/prometheus-node-exporter:2020041501
        imagePullPolicy: Always
        livenessProbe:
          failureThreshold: 3
          initialDelaySeconds: 168
          periodSeconds: 20
          successThreshold: 1
          tcpSocket:
            port: 19100   #修改为自己端口
          timeoutSeconds: 1
        name: node-exporter
        readinessProbe:
          failureThreshold: 3
          initialDelaySeconds: 11
          periodSeconds: 20
          successThreshold: 1
          tcpSocket:
            port: 19100   #修改为自己端口
          timeoutSeconds: 1
        resources:
          limits:
            cpu: 400m
            memory: 256Mi
          requests:
            cpu: 50m
            memory: 50Mi
        volumeMounts:    # 通常以hostsPath方式挂载宿主机目录
        - mountPath: /host/proc
          name: volume0
        - mountPath: /host/sys
          name: volume1
      dnsPolicy: Default
      hostNetwork: true
      restartPolicy: Always
      volumes:
      - hostPath:
          path: /proc
          type: ""
        name: volume0
      - hostPath:
          path: /sys
          type: ""
        name: volume1
  templateGeneration: 1
  updateStrategy:   # 滚动升级策略
    rollingUpdate:
      maxUnavailable: 10     # maxUnavailable必须大于0
    type: RollingUpdate
EOF
# As written: extensions/v1beta1 no longer serves DaemonSets (removed in Kubernetes 1.16).
kubectl apply -f ds.yaml
# apps/v1: spec.templateGeneration belonged to extensions/v1beta1 only, and kubectl asks the server for strict field
# validation.
cat > ds.yaml <<EOF
apiVersion: apps/v1
kind: DaemonSet
metadata:
  labels:
    app: node-exporter
    project: k8s-playground
  name: node-exporter
  namespace: pg-allen  #修改为自己环境
spec:    # 没有replicas
  minReadySeconds: 30
  revisionHistoryLimit: 10
  selector:
    matchLabels:
      app: node-exporter
  template:
    metadata:
      annotations:
        cluster-autoscaler.kubernetes.io/safe-to-evict: "true"
      creationTimestamp: null
      labels:
        app: node-exporter
        project: k8s-playground
    spec:
      automountServiceAccountToken: false
      containers:
      - env:
        - name: web_listen_address
          value: "19100"      #修改为自己端口
        image: 172.30.10.185:15000/common/prometheus-node-exporter:2020041501
        imagePullPolicy: Always
        livenessProbe:
          failureThreshold: 3
          initialDelaySeconds: 168
          periodSeconds: 20
          successThreshold: 1
          tcpSocket:
            port: 19100   #修改为自己端口
          timeoutSeconds: 1
        name: node-exporter
        readinessProbe:
          failureThreshold: 3
          initialDelaySeconds: 11
          periodSeconds: 20
          successThreshold: 1
          tcpSocket:
            port: 19100   #修改为自己端口
          timeoutSeconds: 1
        resources:
          limits:
            cpu: 400m
            memory: 256Mi
          requests:
            cpu: 50m
            memory: 50Mi
        volumeMounts:    # 通常以hostsPath方式挂载宿主机目录
        - mountPath: /host/proc
          name: volume0
        - mountPath: /host/sys
          name: volume1
      dnsPolicy: Default
      hostNetwork: true
      restartPolicy: Always
      volumes:
      - hostPath:
          path: /proc
          type: ""
        name: volume0
      - hostPath:
          path: /sys
          type: ""
        name: volume1
  templateGeneration: 1
  updateStrategy:   # 滚动升级策略
    rollingUpdate:
      maxUnavailable: 10     # maxUnavailable必须大于0
    type: RollingUpdate
EOF
kubectl apply -f ds.yaml
# Fixed: templateGeneration removed; everything else as in the seed.
cat > ds.yaml <<EOF
apiVersion: apps/v1
kind: DaemonSet
metadata:
  labels:
    app: node-exporter
    project: k8s-playground
  name: node-exporter
  namespace: pg-allen  #修改为自己环境
spec:    # 没有replicas
  minReadySeconds: 30
  revisionHistoryLimit: 10
  selector:
    matchLabels:
      app: node-exporter
  template:
    metadata:
      annotations:
        cluster-autoscaler.kubernetes.io/safe-to-evict: "true"
      creationTimestamp: null
      labels:
        app: node-exporter
        project: k8s-playground
    spec:
      automountServiceAccountToken: false
      containers:
      - env:
        - name: web_listen_address
          value: "19100"      #修改为自己端口
        image: 172.30.10.185:15000/common/prometheus-node-exporter:2020041501
        imagePullPolicy: Always
        livenessProbe:
          failureThreshold: 3
          initialDelaySeconds: 168
          periodSeconds: 20
          successThreshold: 1
          tcpSocket:
            port: 19100   #修改为自己端口
          timeoutSeconds: 1
        name: node-exporter
        readinessProbe:
          failureThreshold: 3
          initialDelaySeconds: 11
          periodSeconds: 20
          successThreshold: 1
          tcpSocket:
            port: 19100   #修改为自己端口
          timeoutSeconds: 1
        resources:
          limits:
            cpu: 400m
            memory: 256Mi
          requests:
            cpu: 50m
            memory: 50Mi
        volumeMounts:    # 通常以hostsPath方式挂载宿主机目录
        - mountPath: /host/proc
          name: volume0
        - mountPath: /host/sys
          name: volume1
      dnsPolicy: Default
      hostNetwork: true
      restartPolicy: Always
      volumes:
      - hostPath:
          path: /proc
          type: ""
        name: volume0
      - hostPath:
          path: /sys
          type: ""
        name: volume1
  updateStrategy:   # 滚动升级策略
    rollingUpdate:
      maxUnavailable: 10     # maxUnavailable必须大于0
    type: RollingUpdate
EOF
kubectl apply -f ds.yaml
sleep 35
kubectl get ds node-exporter -n pg-allen
sleep 35
kubectl get ds node-exporter -n pg-allen
kubectl get po -n pg-allen -o wide
# The seed curls its node's address; worker1 is 192.168.56.11.
curl http://192.168.56.11:19100/metrics
kubectl describe ds node-exporter -n pg-allen
kubectl delete ds node-exporter -n pg-allen
