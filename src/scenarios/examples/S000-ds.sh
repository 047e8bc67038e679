# S000-ds: DaemonSet `fluentd-elasticsearch`: one pod per eligible node; master1 needs today's taint key; labels steer pods
# zh: DaemonSet `fluentd-elasticsearch`：每个可运行节点一个 Pod；master1 需容忍新的污点键；节点标签决定 Pod 的去留
cat > fluentd-ds.yaml <<EOF
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: fluentd-elasticsearch
  namespace: kube-system
  labels:
    k8s-app: fluentd-logging
spec:
  selector:
    matchLabels:
      name: fluentd-elasticsearch
  template:
    metadata:
      labels:
        name: fluentd-elasticsearch
    spec:
      tolerations:
        - key: node-role.kubernetes.io/master
          effect: NoSchedule
      containers:
        - name: fluentd-elasticsearch
          image: quay.io/fluentd_elasticsearch/fluentd:v2.5.2
          resources:
            limits:
              memory: 200Mi
            requests:
              cpu: 100m
              memory: 200Mi
          volumeMounts:
            - name: varlog
              mountPath: /var/log
            - name: varlibdockercontainers
              mountPath: /var/lib/docker/containers
              readOnly: true
      terminationGracePeriodSeconds: 30
      volumes:
        - name: varlog
          hostPath:
            path: /var/log
        - name: varlibdockercontainers
          hostPath:
            path: /var/lib/docker/containers
EOF
kubectl apply -f fluentd-ds.yaml
sleep 20
# Since Kubernetes 1.25 kubeadm taints control-plane nodes node-role.kubernetes.io/control-plane, not .../master,
# so the seed's toleration no longer matches master1's taint.
kubectl describe node master1
kubectl get ds fluentd-elasticsearch -n kube-system
kubectl get pods -n kube-system -l name=fluentd-elasticsearch -o wide
# The Kubernetes docs' current version of this DaemonSet tolerates both keys.
cat > fluentd-ds.yaml <<EOF
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: fluentd-elasticsearch
  namespace: kube-system
  labels:
    k8s-app: fluentd-logging
spec:
  selector:
    matchLabels:
      name: fluentd-elasticsearch
  template:
    metadata:
      labels:
        name: fluentd-elasticsearch
    spec:
      tolerations:
        - key: node-role.kubernetes.io/control-plane
          operator: Exists
          effect: NoSchedule
        - key: node-role.kubernetes.io/master
          effect: NoSchedule
      containers:
        - name: fluentd-elasticsearch
          image: quay.io/fluentd_elasticsearch/fluentd:v2.5.2
          resources:
            limits:
              memory: 200Mi
            requests:
              cpu: 100m
              memory: 200Mi
          volumeMounts:
            - name: varlog
              mountPath: /var/log
            - name: varlibdockercontainers
              mountPath: /var/lib/docker/containers
              readOnly: true
      terminationGracePeriodSeconds: 30
      volumes:
        - name: varlog
          hostPath:
            path: /var/log
        - name: varlibdockercontainers
          hostPath:
            path: /var/lib/docker/containers
EOF
kubectl apply -f fluentd-ds.yaml
sleep 90
kubectl get ds fluentd-elasticsearch -n kube-system
kubectl get pods -n kube-system -l name=fluentd-elasticsearch -o wide
# 仅在某些节点上运行 Pod: a nodeSelector, then node labels decide where the pods run.
kubectl patch daemonset fluentd-elasticsearch -n kube-system -p '{"spec":{"template":{"spec":{"nodeSelector":{"logging":"fluentd"}}}}}'
sleep 30
kubectl get ds fluentd-elasticsearch -n kube-system
kubectl label node worker1 worker2 logging=fluentd
sleep 30
kubectl get pods -n kube-system -l name=fluentd-elasticsearch -o wide
kubectl label node worker1 logging-
sleep 30
kubectl get ds fluentd-elasticsearch -n kube-system
kubectl get pods -n kube-system -l name=fluentd-elasticsearch -o wide
